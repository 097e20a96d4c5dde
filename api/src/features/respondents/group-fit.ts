/**
 * Which staff templates (respondent groups T1–T6) fit which kind of unit, as METHOD.md §3 sets
 * them by default: a respondent's unit is the unit their answers count for, so a commune leader
 * (T5) belongs to a district and a department's civil servant (T3) to a department. An import that
 * puts a group on a unit of another kind would score that unit with the wrong questionnaire.
 *
 *   T1 provincial People's Council delegates  → departments and districts they rate
 *   T2 department division leaders            → own department
 *   T3 department civil servants / employees  → own department
 *   T4 district office leaders and staff      → own district
 *   T5 commune People's Committee leaders     → their district
 *   T6 staff of public service units and central agencies → own unit
 */
import type { RespondentGroup } from '@hailong/forms';

export type UnitKind = 'department' | 'public_service_unit' | 'central_agency' | 'district' | 'commune';

export const GROUP_UNIT_KINDS: Readonly<Record<RespondentGroup, readonly UnitKind[]>> = {
  T1: ['department', 'district'],
  T2: ['department'],
  T3: ['department'],
  T4: ['district'],
  T5: ['district'],
  T6: ['public_service_unit', 'central_agency'],
};

const KIND_NAMES: Record<UnitKind, { vi: string; en: string }> = {
  department: { vi: 'sở, ban, ngành', en: 'department' },
  public_service_unit: { vi: 'đơn vị sự nghiệp công lập', en: 'public service unit' },
  central_agency: { vi: 'cơ quan Trung ương đặt tại tỉnh', en: 'central agency in the province' },
  district: { vi: 'UBND cấp huyện', en: 'district' },
  commune: { vi: 'UBND cấp xã', en: 'commune' },
};

export interface GroupMismatch {
  message: string;
  messageEn: string;
}

/** Undefined when the group fits the unit's kind; otherwise the row error text (vi, en). */
export function groupMismatch(group: RespondentGroup, unitCode: string, unitKind: string): GroupMismatch | undefined {
  const allowed = GROUP_UNIT_KINDS[group];
  if ((allowed as readonly string[]).includes(unitKind)) return undefined;
  const kind = KIND_NAMES[unitKind as UnitKind] ?? { vi: unitKind, en: unitKind };
  return {
    message: `Nhóm ${group} không dùng cho đơn vị ${unitCode} (${kind.vi}); nhóm ${group} chỉ dành cho: ${allowed.map((k) => KIND_NAMES[k].vi).join(', ')}`,
    messageEn: `Group ${group} does not apply to unit ${unitCode} (${kind.en}); ${group} is for: ${allowed.map((k) => KIND_NAMES[k].en).join(', ')}`,
  };
}
