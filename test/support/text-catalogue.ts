/**
 * The console's texts as the code writes them, for scanning rendered pages: every Vietnamese/English
 * pair of the web app (`t('…', '…')`, `tr('…', '…')`, `{ vi: '…', en: '…' }`, `['…', '…']` tuples whose
 * first text is Vietnamese) and every message of the error catalogue. Nothing is listed by hand: a
 * new pair in the code is scanned for on the next run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCatalogue } from '@hailong/contracts';

const WEB_SRC = fileURLToPath(new URL('../../survey-web/src', import.meta.url));
export const ROUTER_SOURCE = path.join(WEB_SRC, 'app', 'router.tsx');

export interface TextPair {
  vi: string;
  en: string;
  file: string;
}

const LIT = String.raw`('(?:[^'\\\n]|\\.)*'|\x60(?:[^\x60\\]|\\.)*\x60)`;
const PAIR_PATTERNS = [
  new RegExp(String.raw`\bt[r]?\(\s*${LIT}\s*,\s*${LIT}\s*[,)]`, 'g'),
  new RegExp(String.raw`\bvi:\s*${LIT}\s*,\s*en:\s*${LIT}`, 'g'),
  new RegExp(String.raw`\[\s*${LIT}\s*,\s*${LIT}\s*\]`, 'g'),
];
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** A literal's text; a template's `${…}` parts become a line break (pieces are scanned separately). */
function literal(src: string): string {
  return src
    .slice(1, -1)
    .replace(/\$\{[^}]*\}/g, '\n')
    .replace(/\\(.)/g, '$1');
}

export function webTextPairs(): TextPair[] {
  const pairs: TextPair[] = [];
  for (const file of sourceFiles(WEB_SRC)) {
    const src = readFileSync(file, 'utf8');
    PAIR_PATTERNS.forEach((re, i) => {
      for (const m of src.matchAll(re)) {
        const vi = literal(m[1] ?? '');
        const en = literal(m[2] ?? '');
        if (i === 2 && !VIETNAMESE.test(vi)) continue; // a tuple of two texts that is not a translation
        pairs.push({ vi, en, file: path.relative(WEB_SRC, file) });
      }
    });
  }
  return pairs;
}

export function errorTextPairs(): TextPair[] {
  return Object.values(errorCatalogue).map((e) => ({ vi: e.vi, en: e.en, file: 'packages/contracts/src/errors.ts' }));
}

/**
 * The pieces of English that must never show on a Vietnamese page: the English side of each pair
 * (split at template placeholders), at least 4 characters with a letter, and not also part of some
 * Vietnamese text (`Email`, `SIPAS %`, form codes are written the same in both languages).
 */
export function englishPieces(pairs: TextPair[]): string[] {
  const viTexts = pairs.map((p) => p.vi);
  const pieces = new Set<string>();
  for (const p of pairs) {
    if (p.en === p.vi) continue;
    for (const raw of p.en.split('\n')) {
      const piece = raw.trim().replace(/^[(:,.·—–-]+\s*|\s*[(:,.·—–-]+$/g, '');
      if (piece.length < 4 || !/[A-Za-z]{2}/.test(piece)) continue;
      if (viTexts.some((vi) => vi.includes(piece))) continue;
      pieces.add(piece);
    }
  }
  return [...pieces];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pieces that occur in `text` as whole words (case-sensitive; `from_codes` is a column name, not a word). */
export function piecesIn(text: string, pieces: string[]): string[] {
  return pieces.filter(
    (p) => text.includes(p) && new RegExp(`(?<![\\p{L}\\p{N}_])${escape(p)}(?![\\p{L}\\p{N}_])`, 'u').test(text),
  );
}

/** The console's routes (regular expressions of router.tsx) under /admin and /supervision. */
export function consoleRoutes(): RegExp[] {
  const src = readFileSync(ROUTER_SOURCE, 'utf8');
  return [...src.matchAll(/pattern: \/(\^\\\/(?:admin|supervision)[^\n]*?\$)\/, keys/g)].map((m) => new RegExp(m[1] ?? ''));
}
