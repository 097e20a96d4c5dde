/**
 * Writes a sampling-plan workbook in the layout plan-parse.ts reads: the template download (every
 * unit listed, targets blank) and, in tests, generated plans for the round-trip property.
 */
import type ExcelJS from 'exceljs';
import { HELP_SHEET, LOCALITIES_SHEET, LOCALITY_HEADERS, TARGET_HEADERS, TARGETS_SHEET } from './plan-columns.ts';
import { loadExcelJS } from '../../lib/load-exceljs.ts';

export interface PlanWorkbookInput {
  targets: { unitCode: string; unitName?: string; target?: number | null; dossiers?: number | null }[];
  localities: { districtCode: string; commune: string; hamlet: string; quota?: number | null }[] | null;
  help?: boolean;
}

const HELP = [
  ['Kế hoạch chọn mẫu SIPAS — hướng dẫn', 'SIPAS sampling plan — how to fill in'],
  [
    'Trang "Chỉ tiêu": mỗi dòng một đơn vị. Ghi chỉ tiêu phiếu, hoặc để trống và ghi số hồ sơ/năm N để tính n = N/(1+N·e²), làm tròn lên (e mặc định 5%).',
    'Sheet "Chỉ tiêu": one row per unit. Enter the target, or leave it blank and enter the yearly dossiers N to compute n = N/(1+N·e²), rounded up (e defaults to 5%).',
  ],
  [
    'Trang "Địa bàn" (không bắt buộc): mỗi dòng một ấp/khóm được chọn: mã huyện (đơn vị cấp huyện), tên xã, tên ấp, chỉ tiêu phiếu (mặc định 27).',
    'Sheet "Địa bàn" (optional): one row per sampled hamlet: district unit code, commune, hamlet, quota (default 27).',
  ],
  [
    'Nhập lại sẽ thay thế toàn bộ chỉ tiêu đơn vị của đợt khảo sát, và cả mẫu địa bàn nếu trang "Địa bàn" có dòng dữ liệu (để trống thì mẫu địa bàn hiện có được giữ nguyên). Nếu có dòng lỗi, không dòng nào được lưu.',
    'Importing again replaces all unit targets of the campaign, and its hamlet sample when sheet "Địa bàn" has rows (left empty, the current hamlet sample is kept). If any row is wrong, nothing is saved.',
  ],
];

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

export async function planWorkbook(input: PlanWorkbookInput): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const t = sheet(wb, TARGETS_SHEET, Object.values(TARGET_HEADERS), [12, 44, 16, 18]);
  for (const r of input.targets) t.addRow([r.unitCode, r.unitName ?? '', r.target ?? null, r.dossiers ?? null]);
  if (input.localities) {
    const l = sheet(wb, LOCALITIES_SHEET, Object.values(LOCALITY_HEADERS), [12, 30, 30, 16]);
    for (const r of input.localities) l.addRow([r.districtCode, r.commune, r.hamlet, r.quota ?? null]);
  }
  if (input.help) {
    const h = wb.addWorksheet(HELP_SHEET);
    h.columns = [{ width: 90 }, { width: 90 }];
    for (const line of HELP) h.addRow(line).alignment = { wrapText: true, vertical: 'top' };
    h.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
