/**
 * The PAR Index table as CSV in the same layout as the workbook (header, group rows, units, group
 * means, overall mean). UTF-8 with a byte-order mark and CRLF so Excel opens the Vietnamese text
 * correctly; numbers with two decimals and a decimal point.
 */
import type { ParTable } from '@hailong/scoring';
import {
  parTableHeaders,
  parTableNumberColumns,
  parTableRows,
  withheldRows,
  type Cell,
  type WithheldUnits,
} from './par-table-layout.ts';

const decimalColumns: ReadonlySet<number> = new Set(parTableNumberColumns);

function csvCell(cell: Cell | undefined, column: number): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return decimalColumns.has(column) ? cell.toFixed(2) : String(cell);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Builds the CSV text; `table` must be the published (rounded) table; `withheld` units follow it with "< 5". */
export function parTableCsv(table: ParTable, withheld?: WithheldUnits): string {
  const width = parTableHeaders.length;
  const rows = [...parTableRows(table), ...withheldRows(withheld)];
  const lines = [[...parTableHeaders], ...rows.map((r) => r.cells)].map((cells) =>
    Array.from({ length: width }, (_, i) => csvCell(cells[i], i)).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
