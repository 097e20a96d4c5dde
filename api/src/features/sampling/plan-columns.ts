/**
 * Sheet and column names of the sampling-plan workbook. Headers are matched after folding
 * Vietnamese diacritics and punctuation ("Số hồ sơ/năm (N)" → "so_ho_so_nam_n"), so both the
 * template's Vietnamese headers and plain English keys (unit_code, target, …) are accepted.
 */
export const TARGETS_SHEET = 'Chỉ tiêu';
export const LOCALITIES_SHEET = 'Địa bàn';
export const HELP_SHEET = 'Hướng dẫn';

export type TargetColumn = 'unit_code' | 'unit_name' | 'target' | 'dossiers';
export type LocalityColumn = 'district_code' | 'commune' | 'hamlet' | 'quota';

/** Header shown in the template for each column (Vietnamese first). */
export const TARGET_HEADERS: Record<TargetColumn, string> = {
  unit_code: 'Mã đơn vị',
  unit_name: 'Tên đơn vị',
  target: 'Chỉ tiêu phiếu',
  dossiers: 'Số hồ sơ/năm (N)',
};
export const LOCALITY_HEADERS: Record<LocalityColumn, string> = {
  district_code: 'Mã huyện',
  commune: 'Xã/phường/thị trấn',
  hamlet: 'Ấp/khóm',
  quota: 'Chỉ tiêu phiếu',
};

const TARGET_ALIASES: Record<TargetColumn, string[]> = {
  unit_code: ['unit_code', 'unitcode', 'ma_don_vi', 'ma_dv'],
  unit_name: ['unit_name', 'ten_don_vi'],
  target: ['target', 'chi_tieu', 'chi_tieu_phieu', 'so_phieu'],
  dossiers: ['dossiers', 'n', 'so_ho_so', 'so_ho_so_nam', 'so_ho_so_nam_n', 'so_ho_so_n'],
};
const LOCALITY_ALIASES: Record<LocalityColumn, string[]> = {
  district_code: ['district_code', 'district_unit_code', 'unit_code', 'ma_huyen', 'ma_don_vi', 'ma_don_vi_huyen'],
  commune: ['commune', 'xa', 'xa_phuong', 'xa_phuong_thi_tran', 'ten_xa'],
  hamlet: ['hamlet', 'ap', 'ap_khom', 'khom', 'ten_ap'],
  quota: ['quota', 'chi_tieu', 'chi_tieu_phieu', 'so_phieu'],
};

/** "Chỉ tiêu phiếu" → "chi_tieu_phieu". */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function columnIndex<C extends string>(aliases: Record<C, string[]>, header: readonly string[]): Map<C, number> {
  const index = new Map<C, number>();
  const folded = header.map(foldHeader);
  for (const [column, names] of Object.entries(aliases) as [C, string[]][]) {
    const i = folded.findIndex((h) => names.includes(h));
    if (i >= 0) index.set(column, i);
  }
  return index;
}

export const targetColumns = (header: readonly string[]) => columnIndex(TARGET_ALIASES, header);
export const localityColumns = (header: readonly string[]) => columnIndex(LOCALITY_ALIASES, header);

export const isTargetsSheet = (name: string) => ['chi_tieu', 'targets', 'don_vi', 'units'].includes(foldHeader(name));
export const isLocalitiesSheet = (name: string) => ['dia_ban', 'localities', 'xa_ap'].includes(foldHeader(name));
