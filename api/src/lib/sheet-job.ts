/**
 * Reads an uploaded table — CSV text, or the sheets of an XLSX workbook streamed row by row — into
 * rows of plain cells, and stops as soon as the file holds more data rows than the import allows.
 *
 * `sheetJob` is self-contained on purpose: small files run it in the request's thread, larger ones
 * run its source text in a worker thread (sheet-reader.ts), so a 230,000-row workbook no longer
 * stalls every kiosk request for seconds. It may therefore use only its parameters and globals: no
 * imports, no helpers defined outside it (the libraries come in `libs`).
 */
import type { Readable } from 'node:stream';
import type { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/**
 * A cell as the import sees it: its trimmed text — formulas by their result, rich text and hyperlinks
 * by their text, dates as `SheetJob.dates` says, errors and empty cells as ''. Text, not values, so
 * that the request's thread gets rows it can use as they are (converting 61,100 rows there held the
 * event loop for a second on a loaded machine).
 */
export type SheetCell = string;

export interface SheetJob {
  kind: 'csv' | 'xlsx';
  /** CSV: the (UTF-8 decoded, NFC) text; XLSX: the workbook bytes. */
  data: string | Uint8Array;
  /** csv-parse options of the import (plain data: delimiter, trim, skip_empty_lines, …). */
  csv?: Record<string, unknown>;
  /** XLSX: only the first sheet, or every sheet. */
  sheets: 'first' | 'all';
  /** Data rows (non-empty rows after the header) allowed per sheet. */
  maxRows: number;
  /** XLSX date cells: ISO 8601 instant, its day (YYYY-MM-DD), or '' (no column of the import holds dates). */
  dates: 'iso' | 'day' | 'none';
}

export interface ReadSheet {
  name: string;
  /** rows[i] is the spreadsheet's row i + 1 (the header is rows[0]); rows absent from the file are []. */
  rows: SheetCell[][];
}

/**
 * A sheet as it crosses from the worker: chunks of PACK_ROWS rows, each one string with rows separated
 * by RS (U+001E) and cells by US (U+001F), which no cell keeps. 61,100 rows as arrays of strings took
 * the request's thread seconds to deserialise on a loaded machine; chunks are unpacked one per turn
 * of its event loop.
 */
export interface PackedSheet {
  name: string;
  chunks: string[];
}

export type SheetJobResult =
  | { ok: true; sheets: PackedSheet[] }
  | { ok: false; problem: 'unreadable'; message: string; line?: number }
  | { ok: false; problem: 'too-many-rows'; sheet: string }
  | { ok: false; problem: 'too-large' };

export interface SheetLibs {
  ExcelJS: typeof ExcelJS;
  parse: typeof parse;
  Readable: typeof Readable;
}

export async function sheetJob(job: SheetJob, libs: SheetLibs): Promise<SheetJobResult> {
  const limit = job.maxRows + 1; // the header is a non-empty row too
  const TOO_MANY = 'sheet-job: too many rows';
  const filled = (cells: SheetCell[]) => cells.some((c) => c !== '');
  // eslint-disable-next-line no-control-regex -- the separators of the packed form
  const separators = /[\u001e\u001f]/g;
  const pack = (rows: SheetCell[][]) => {
    const lines = Array.from(rows, (r) => (r ?? []).map((c) => c.replace(separators, ' ')).join('\u001f'));
    const chunks: string[] = [];
    for (let i = 0; i < lines.length; i += 2_000) chunks.push(lines.slice(i, i + 2_000).join('\u001e'));
    return chunks;
  };
  if (job.kind === 'csv') {
    let nonEmpty = 0;
    try {
      const rows: string[][] = libs.parse(job.data, {
        ...job.csv,
        on_record: (record: string[]) => {
          if (filled(record) && ++nonEmpty > limit) throw new Error(TOO_MANY);
          return record;
        },
      });
      return { ok: true, sheets: [{ name: 'csv', chunks: pack(rows) }] };
    } catch (err) {
      const e = err as { message?: string; lines?: number };
      if (nonEmpty > limit) return { ok: false, problem: 'too-many-rows', sheet: 'csv' };
      return { ok: false, problem: 'unreadable', message: String(e.message), ...(e.lines ? { line: e.lines } : {}) };
    }
  }
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return job.dates === 'none' ? '' : v.toISOString().slice(0, job.dates === 'day' ? 10 : undefined);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    if (typeof v !== 'object') return '';
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ('result' in o) return text(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('text' in o) return text(o.text);
    return '';
  };
  const bytes = job.data as Uint8Array;
  const input = libs.Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new libs.ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: PackedSheet[] = [];
  try {
    for await (const ws of reader) {
      const sheet = ws as unknown as AsyncIterable<{ number: number; values: unknown }> & { name?: string; id?: number };
      const rows: SheetCell[][] = [];
      let nonEmpty = 0;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        const cells = Array.from(values.slice(1), (v) => text(v).trim());
        if (!filled(cells)) continue;
        if (++nonEmpty > limit) return { ok: false, problem: 'too-many-rows', sheet: sheet.name ?? `Sheet${sheet.id}` };
        rows[row.number - 1] = cells;
      }
      sheets.push({ name: sheet.name ?? `Sheet${sheet.id}`, chunks: pack(rows) });
      if (job.sheets === 'first') break;
    }
  } catch (err) {
    return { ok: false, problem: 'unreadable', message: String((err as Error).message) };
  }
  return { ok: true, sheets };
}
