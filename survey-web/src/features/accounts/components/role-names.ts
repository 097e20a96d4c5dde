import type { SessionUser } from '@hailong/contracts';
import { tr } from '@/lib/i18n';

export const roleName = (r: SessionUser['role']): string =>
  ({
    admin: tr('Cán bộ Sở Nội vụ (quản trị)', 'Sở Nội vụ staff (admin)'),
    supervisor: tr('Giám sát viên', 'Supervisor'),
    observer: tr('Quan sát viên', 'Observer'),
    enumerator: tr('Điều tra viên', 'Enumerator'),
    focal_point: tr('Đầu mối CCHC của đơn vị', 'Unit focal point'),
  })[r];
