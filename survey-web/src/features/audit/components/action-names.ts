import { tr } from '@/lib/i18n';

const ACTIONS: Record<string, [string, string]> = {
  login: ['Đăng nhập', 'Signed in'],
  'campaign.create': ['Tạo đợt khảo sát', 'Created a campaign'],
  'campaign.close': ['Đóng sớm đợt khảo sát', 'Closed a campaign early'],
  'campaign.reopen': ['Mở lại đợt khảo sát', 'Reopened a campaign'],
  'user.create': ['Tạo tài khoản', 'Created an account'],
  'user.disable': ['Khóa tài khoản', 'Disabled an account'],
  'user.enable': ['Mở khóa tài khoản', 'Enabled an account'],
  'user.reset_password': ['Đặt lại mật khẩu', 'Reset a password'],
  'user.first_admin': ['Tạo quản trị viên đầu tiên', 'Created the first administrator'],
  'focal_point.set': ['Đặt đầu mối CCHC', 'Set a focal point'],
  'focal_point.clear': ['Xóa đầu mối CCHC', 'Cleared a focal point'],
  'response.review': ['Duyệt phiếu', 'Reviewed a response'],
  back_check_outcome: ['Ghi kết quả phúc tra', 'Recorded a back-check'],
};

const ENTITIES: Record<string, [string, string]> = {
  campaign: ['Đợt khảo sát', 'Campaign'],
  user: ['Tài khoản', 'Account'],
  unit: ['Đơn vị', 'Unit'],
  response: ['Phiếu', 'Response'],
  back_check: ['Phúc tra', 'Back-check'],
  kiosk_device: ['Máy tại quầy', 'Kiosk'],
};

export const actionName = (a: string): string => {
  const n = ACTIONS[a] ?? (a.startsWith('kiosk') ? (['Thao tác máy tại quầy', 'Kiosk action'] as [string, string]) : undefined);
  return n ? tr(n[0], n[1]) : a;
};
export const entityName = (e: string): string => {
  const n = ENTITIES[e];
  return n ? tr(n[0], n[1]) : e;
};
