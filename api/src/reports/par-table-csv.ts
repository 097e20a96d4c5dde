/**
 * The PAR Index table as CSV in the same layout as the workbook (header, group rows, units, group
 * means, overall mean). UTF-8 with a byte-order mark and CRLF so Excel opens the Vietnamese text
 * correctly; numbers with two decimals and a decimal point.
 */
import type { ParTable } from '@hailong/scoring';
import { parTableHeaders, parTableNumberColumns, parTableRows, type Cell } from './par-table-layout.ts';

const decimalColumns: ReadonlySet<number> = new Set(parTableNumberColumns);

function csvCell(cell: Cell | undefined, column: number): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return decimalColumns.has(column) ? cell.toFixed(2) : String(cell);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Builds the CSV text; `table` must be the published (rounded) table. */
export function parTableCsv(table: ParTable): string {
  const width = parTableHeaders.length;
  const lines = [[...parTableHeaders], ...parTableRows(table).map((r) => r.cells)].map((cells) =>
    Array.from({ length: width }, (_, i) => csvCell(cells[i], i)).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
