/**
 * The one content-type parser for CSV uploads (respondents, enumerators, PAR self-assessments,
 * unit events). The bytes must be UTF-8: a Windows-1258 or TCVN3 export used to be imported silently
 * as "L��"; it is now refused with IMPORT_ENCODING, whose message tells how to save the sheet as
 * "CSV UTF-8" in Excel. The text then gets the same boundary check as JSON (no NUL: a dry run used
 * to say 200 for a file the real import then failed on) and is normalised to NFC.
 */
import { nfc, textProblem, textProblemMessages } from '@hailong/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** UTF-8 CSV bytes → NFC text; IMPORT_ENCODING or IMPORT_INVALID (with the line) otherwise. */
export function csvText(bytes: Buffer): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const line = lineAt(lossy, lossy.indexOf('\uFFFD'));
    throw new AppError('IMPORT_ENCODING', [
      { row: line, field: 'csv', message: `Dòng ${line} không phải mã UTF-8`, messageEn: `Line ${line} is not UTF-8` },
    ]);
  }
  const problem = textProblem(text);
  if (problem) {
    const line = lineAt(text, text.indexOf('\u0000'));
    const m = textProblemMessages[problem];
    throw new AppError('IMPORT_INVALID', [{ row: line, field: 'csv', message: m.vi, messageEn: m.en }]);
  }
  return nfc(text);
}

/** For `app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit }, parseCsvBody)`. */
export function parseCsvBody(
  _req: FastifyRequest,
  body: Buffer | string,
  done: (err: Error | null, body?: unknown) => void,
): void {
  try {
    done(null, csvText(Buffer.isBuffer(body) ? body : Buffer.from(body)));
  } catch (err) {
    done(err as Error);
  }
}
