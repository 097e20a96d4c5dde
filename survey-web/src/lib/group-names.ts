import { pairName } from '@/lib/i18n';

const GROUPS: Record<string, [string, string]> = {
  T1: ['T1 · Đại biểu HĐND tỉnh', 'T1 · Provincial People’s Council delegates'],
  T2: ['T2 · Lãnh đạo phòng thuộc sở', 'T2 · Department division leaders'],
  T3: ['T3 · Công chức, viên chức sở', 'T3 · Department civil servants'],
  T4: ['T4 · Lãnh đạo, công chức phòng chuyên môn cấp huyện', 'T4 · District office leaders and staff'],
  T5: ['T5 · Lãnh đạo UBND cấp xã', 'T5 · Commune leaders'],
  T6: ['T6 · Viên chức đơn vị sự nghiệp, cơ quan Trung ương', 'T6 · Public service units and central agencies'],
};

/** A respondent group (T1–T6) with its name in the current language. */
export const groupName = (g: string): string => pairName(GROUPS, g);
