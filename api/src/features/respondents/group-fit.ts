/**
 * Which staff templates (respondent groups T1–T6) fit which kind of unit, as METHOD.md §3 sets
 * them by default: a respondent's unit is the unit their answers count for, so a commune leader
 * (T5) belongs to a district (or, in the two-tier administration, to their own commune-level
 * unit) and a department's civil servant (T3) to a department. An import that puts a group on a
 * unit of another kind would score that unit with the wrong questionnaire.
 *
 *   T1 People's Council delegates            → departments, districts and commune-level units they rate
 *   T2 department division leaders            → own department
 *   T3 department civil servants / employees  → own department
 *   T4 district / commune office leaders and staff → own district or commune-level unit
 *   T5 commune People's Committee leaders     → their district, or their commune-level unit
 *   T6 staff of public service units and central agencies → own unit
 *
 * Kinds are data: a unit's kind brings its tier (province, district, commune), and the district and
 * commune tiers are matched by tier, so a ward or a special zone fits like a commune.
 */
import type { RespondentGroup } from '@hailong/forms';

export interface UnitKindOf {
  kind: string;
  tier: string;
}

const GROUP_FIT: Readonly<Record<RespondentGroup, { kinds: readonly string[]; tiers: readonly string[] }>> = {
  T1: { kinds: ['department'], tiers: ['district', 'commune'] },
  T2: { kinds: ['department'], tiers: [] },
  T3: { kinds: ['department'], tiers: [] },
  T4: { kinds: [], tiers: ['district', 'commune'] },
  T5: { kinds: [], tiers: ['district', 'commune'] },
  T6: { kinds: ['public_service_unit', 'central_agency'], tiers: [] },
};

const NAMES: Record<string, { vi: string; en: string }> = {
  department: { vi: 'sở, ban, ngành', en: 'department' },
  public_service_unit: { vi: 'đơn vị sự nghiệp công lập', en: 'public service unit' },
  central_agency: { vi: 'cơ quan Trung ương đặt tại địa phương', en: 'central agency' },
  district: { vi: 'UBND cấp huyện', en: 'district' },
  commune: { vi: 'UBND cấp xã (xã, phường, đặc khu)', en: 'commune-level unit (commune, ward, special zone)' },
};

export function groupFits(group: RespondentGroup, unit: UnitKindOf): boolean {
  const fit = GROUP_FIT[group];
  return fit.kinds.includes(unit.kind) || fit.tiers.includes(unit.tier);
}

export interface GroupMismatch {
  message: string;
  messageEn: string;
}

/** Undefined when the group fits the unit's kind; otherwise the row error text (vi, en). */
export function groupMismatch(group: RespondentGroup, unitCode: string, unit: UnitKindOf): GroupMismatch | undefined {
  if (groupFits(group, unit)) return undefined;
  const fit = GROUP_FIT[group];
  const allowed = [...fit.kinds, ...fit.tiers].map((k) => NAMES[k] ?? { vi: k, en: k });
  const kind = NAMES[unit.kind] ?? NAMES[unit.tier] ?? { vi: unit.kind, en: unit.kind };
  return {
    message: `Nhóm ${group} không dùng cho đơn vị ${unitCode} (${kind.vi}); nhóm ${group} chỉ dành cho: ${allowed.map((k) => k.vi).join(', ')}`,
    messageEn: `Group ${group} does not apply to unit ${unitCode} (${kind.en}); ${group} is for: ${allowed.map((k) => k.en).join(', ')}`,
  };
}
