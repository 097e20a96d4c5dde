/**
 * Where an uploaded table is read: a small file in the request's thread, a larger one in a worker
 * thread with a memory ceiling, so parsing never holds the event loop (kiosk submissions answered
 * late by seconds while a 3.3 MB workbook was read) and a hostile workbook cannot take the process's
 * memory. The worker runs `sheetJob`'s own source text (eval), importing exceljs and csv-parse from
 * the locations this module resolves them to: the same code runs under tsx, vitest and the compiled
 * bundle (server/dist), with no separate worker file to ship. Too many rows is an
 * IMPORT_TOO_MANY_ROWS naming the limit, raised as soon as the limit is passed.
 */
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { nfc, textProblem, textProblemMessages } from '@hailong/contracts';
import { AppError } from '../errors.ts';
import { nextTurn } from './in-turns.ts';
import { loadExcelJS } from './load-exceljs.ts';
import { sheetJob, type ReadSheet, type SheetJob, type SheetJobResult } from './sheet-job.ts';
import { workbookPartsFirst } from './xlsx-entry-order.ts';

export type { ReadSheet, SheetCell } from './sheet-job.ts';

/** Below these sizes the file is read in the request's thread (a few milliseconds). */
export const INLINE_MAX = { csv: 256 * 1024, xlsx: 16 * 1024 } as const;
/** A worker's heap ceiling: a streamed 100,000-row sheet needs well under half of it. */
const WORKER_HEAP_MB = 384;
const WORKER_TIMEOUT_MS = 120_000;

export interface SheetLimits {
  /** Data rows allowed (per sheet). */
  maxRows: number;
  /** What is imported, for the message: "danh sách người trả lời" / "respondent list". */
  what: { vi: string; en: string };
}

export type SheetRead = { ok: true; sheets: ReadSheet[] } | { ok: false; message: string; line?: number };

const fmt = (n: number) => n.toLocaleString('vi-VN');
const fmtEn = (n: number) => n.toLocaleString('en-US');

export function tooManyRows(limits: SheetLimits, sheet: string): AppError {
  const where = sheet === 'csv' ? { vi: 'Tệp', en: 'The file' } : { vi: `Trang "${sheet}"`, en: `Sheet "${sheet}"` };
  return new AppError('IMPORT_TOO_MANY_ROWS', [
    {
      row: limits.maxRows + 2,
      field: 'file',
      message: `${where.vi} có hơn ${fmt(limits.maxRows)} dòng dữ liệu — giới hạn cho ${limits.what.vi} là ${fmt(limits.maxRows)} dòng; hãy chia thành nhiều tệp`,
      messageEn: `${where.en} has more than ${fmtEn(limits.maxRows)} data rows — the limit for a ${limits.what.en} is ${fmtEn(limits.maxRows)}; split it into several files`,
      limit: limits.maxRows,
    },
  ]);
}

function tooComplex(limits: SheetLimits): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', [
    {
      row: 0,
      field: 'file',
      message: `Tệp quá phức tạp để đọc trong giới hạn bộ nhớ (${WORKER_HEAP_MB} MB) dành cho ${limits.what.vi}`,
      messageEn: `The file is too complex to read within the memory allowed (${WORKER_HEAP_MB} MB) for a ${limits.what.en}`,
    },
  ]);
}

let workerSource: string | undefined;
function source(): string {
  workerSource ??= `
const { parentPort, workerData } = require('node:worker_threads');
const __name = (f) => f;
const sheetJob = (${sheetJob.toString()});
Promise.all([import(workerData.exceljs), import(workerData.csvParse), import('node:stream')])
  .then(([excel, csv, stream]) =>
    sheetJob(workerData.job, { ExcelJS: excel.default ?? excel, parse: csv.parse, Readable: stream.Readable }))
  .then((result) => {
    if (!result.ok) return parentPort.postMessage(result);
    // The chunks travel as transferred bytes: no copy, nothing large to deserialise.
    const encoder = new TextEncoder();
    const sheets = result.sheets.map((s) => ({ name: s.name, chunks: s.chunks.map((c) => encoder.encode(c)) }));
    parentPort.postMessage({ ok: true, sheets }, sheets.flatMap((s) => s.chunks.map((c) => c.buffer)));
  })
  .catch((err) => parentPort.postMessage({ ok: false, problem: 'unreadable', message: String(err && err.message) }));
`;
  return workerSource;
}

/** What the worker posts: the job's result with each chunk as UTF-8 bytes. */
type Posted = Exclude<SheetJobResult, { ok: true }> | { ok: true; sheets: { name: string; chunks: Uint8Array[] }[] };
type Read = Exclude<SheetJobResult, { ok: true }> | { ok: true; sheets: { name: string; chunks: (string | Uint8Array)[] }[] };

function inWorker(job: SheetJob): Promise<Read> {
  return new Promise((resolve) => {
    const worker = new Worker(source(), {
      eval: true,
      workerData: { job, exceljs: import.meta.resolve('exceljs'), csvParse: import.meta.resolve('csv-parse/sync') },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    const finish = (result: Read) => {
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ ok: false, problem: 'unreadable', message: 'timeout' }), WORKER_TIMEOUT_MS);
    worker.once('message', (result: Posted) => finish(result));
    worker.once('error', (err: Error & { code?: string }) =>
      finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, problem: 'too-large' }
          : { ok: false, problem: 'unreadable', message: err.message },
      ),
    );
    worker.once('exit', () => finish({ ok: false, problem: 'unreadable', message: 'worker exited' }));
  });
}

function runJob(job: SheetJob): Promise<Read> {
  const size = typeof job.data === 'string' ? job.data.length : job.data.byteLength;
  if (size <= INLINE_MAX[job.kind]) return loadExcelJS().then((ExcelJS) => sheetJob(job, { ExcelJS, parse, Readable }));
  return inWorker(job);
}

/** A1-style column letters of a 0-based column index. */
function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A workbook's cells cross the same text boundary as CSV bodies and JSON (docs/0011): a NUL (which
 * Excel stores as `_x0000_`) or an unpaired surrogate refuses the file naming the sheet and cell,
 * never the text; every other cell comes back in NFC.
 */
function checkedCells(sheet: string, rowIndex: number, cells: string[]): string[] {
  return cells.map((value, c) => {
    const problem = textProblem(value);
    if (!problem) return nfc(value);
    const cell = `${columnLetters(c)}${rowIndex + 1}`;
    const m = textProblemMessages[problem];
    throw new AppError('IMPORT_INVALID', [
      { row: rowIndex + 1, field: cell, message: `${sheet}!${cell}: ${m.vi}`, messageEn: `${sheet}!${cell}: ${m.en}` },
    ]);
  });
}

/** Chunks → rows, one chunk per turn of the event loop; workbook cells are checked as text. */
async function unpack(name: string, chunks: (string | Uint8Array)[], workbook: boolean): Promise<ReadSheet> {
  const decoder = new TextDecoder();
  const rows: string[][] = [];
  for (const chunk of chunks) {
    await nextTurn();
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk);
    for (const line of text.split('\u001e')) {
      const cells = line === '' ? [] : line.split('\u001f');
      rows.push(workbook ? checkedCells(name, rows.length, cells) : cells);
    }
  }
  return { name, rows };
}

async function read(job: SheetJob, limits: SheetLimits): Promise<SheetRead> {
  const result = await runJob(job);
  if (result.ok) {
    const sheets: ReadSheet[] = [];
    for (const s of result.sheets) sheets.push(await unpack(s.name, s.chunks, job.kind === 'xlsx'));
    return { ok: true, sheets };
  }
  if (result.problem === 'too-many-rows') throw tooManyRows(limits, result.sheet);
  if (result.problem === 'too-large') throw tooComplex(limits);
  return { ok: false, message: result.message, ...(result.line ? { line: result.line } : {}) };
}

/** CSV text → records (csv-parse with the import's options), off the event loop when large. */
export function readCsvRecords(text: string, csv: Record<string, unknown>, limits: SheetLimits): Promise<SheetRead> {
  return read({ kind: 'csv', data: text, csv, sheets: 'first', maxRows: limits.maxRows, dates: 'none' }, limits);
}

export interface WorkbookOptions {
  /** Only the first sheet, or every sheet (by name). */
  sheets: 'first' | 'all';
  /** How date cells read (SheetJob.dates). */
  dates: SheetJob['dates'];
}

/** XLSX bytes → trimmed cell texts of the first sheet, or of every sheet, off the event loop when large. */
export function readWorkbook(data: Buffer, opts: WorkbookOptions, limits: SheetLimits): Promise<SheetRead> {
  // An empty body is no zip at all; the streaming reader would wait for it forever (found by fuzz-uploads).
  if (data.length === 0) return Promise.resolve({ ok: false, message: 'empty file' });
  return read({ kind: 'xlsx', data: workbookPartsFirst(data), ...opts, maxRows: limits.maxRows }, limits);
}
