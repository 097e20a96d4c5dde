/** Words of the PAR page: unit groups in the published order, bands, and what a unit lacks. */
import { fmtNum, pairName, tr } from '@/lib/i18n';

/** Published order of the groups and their names (I. Sở, ban, ngành …). */
export const GROUP_ORDER = ['department', 'public_service_unit', 'central_agency', 'district', 'commune'];
const GROUPS: Record<string, [string, string]> = {
  department: ['Sở, ban, ngành', 'Provincial departments'],
  public_service_unit: ['Đơn vị sự nghiệp công lập', 'Public service units'],
  central_agency: ['Cơ quan Trung ương đặt tại tỉnh', 'Central agencies in the province'],
  district: ['UBND cấp huyện', 'District People’s Committees'],
  commune: ['UBND cấp xã', 'Commune People’s Committees'],
};
export const groupLabel = (g: string): string => pairName(GROUPS, g);

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
export const roman = (i: number): string => ROMAN[i] ?? String(i + 1);

export const bandLabel = (band: number): string => tr(`Nhóm ${band}`, `Band ${band}`);

/** Band colours, best (1) to worst (5); each has ≥ 4.5:1 contrast with white text. */
export const BAND_COLOURS: Record<number, string> = { 1: '#0d47a1', 2: '#2e7d32', 3: '#8a5a00', 4: '#b23c00', 5: '#a4001d' };
export const bandColour = (band: number): string => BAND_COLOURS[band] ?? '#555';

const MISSING: Record<string, [string, string]> = {
  no_self_assessment: ['thiếu điểm tự đánh giá', 'no self-assessment'],
  no_staff_points: ['thiếu điểm khảo sát CBCCVC', 'no staff-survey points'],
  staff_sub_criteria_missing: ['thiếu tiêu chí thành phần khảo sát CBCCVC', 'staff-survey sub-criteria unanswered'],
  staff_too_few_responses: [
    'quá ít phiếu khảo sát CBCCVC, điểm không công bố',
    'too few staff-survey responses, points withheld',
  ],
  sipas_no_data: ['thiếu phiếu SIPAS (chưa có phiếu hợp lệ)', 'no SIPAS forms (no valid response)'],
  sipas_not_enough_data: ['thiếu phiếu SIPAS (chưa đủ mẫu tối thiểu)', 'too few SIPAS forms (below the minimum sample)'],
  no_sipas_campaign: ['thiếu đợt khảo sát SIPAS của năm', 'no SIPAS campaign this year'],
};
export const missingLabel = (code: string): string =>
  pairName(MISSING, code, (c) => tr(`thiếu dữ liệu (${c})`, `missing data (${c})`));

/** `87,33` (vi) / `87.33` (en): the published two decimals. */
export const n2 = (v: number): string => fmtNum(v, 2);
