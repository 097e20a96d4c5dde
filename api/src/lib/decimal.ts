/**
 * Numbers as people type them in Vietnamese spreadsheets: a decimal comma ("94,00"), a decimal
 * point ("94.5"), and thousands grouped with the other sign ("1.234,5", "1,234.5"). A lone
 * separator is the decimal one (so "1,234" is 1.234, as a Vietnamese reader means it); a sign that
 * repeats ("1.234.567") groups thousands. Anything else — letters, spaces inside, two decimal
 * signs, groups not of three digits — is not a number (null), never a guess.
 */
const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
const DIGITS = /^\d+$/;

function parseUnsigned(text: string): number | null {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma === -1 && lastDot === -1) return DIGITS.test(text) ? Number(text) : null;
  const both = lastComma !== -1 && lastDot !== -1;
  const decimalSep = both ? (lastComma > lastDot ? ',' : '.') : lastComma !== -1 ? ',' : '.';
  const groupSep = decimalSep === ',' ? '.' : ',';
  const occurrences = text.split(decimalSep).length - 1;
  if (!both && occurrences > 1) {
    // "1.234.567": the sign repeats, so it groups thousands and there is no decimal part.
    return GROUPED(decimalSep).test(text) ? Number(text.split(decimalSep).join('')) : null;
  }
  if (occurrences > 1) return null;
  const [whole = '', fraction = ''] = text.split(decimalSep);
  const wholeOk = whole === '' ? fraction !== '' : DIGITS.test(whole) || (both && GROUPED(groupSep).test(whole));
  if (!wholeOk || !(fraction === '' ? whole !== '' : DIGITS.test(fraction))) return null;
  return Number(`${whole.split(groupSep).join('') || '0'}.${fraction || '0'}`);
}

/** The number in `text` (trimmed), or null when it is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.startsWith('-') || t.startsWith('+') ? t.slice(1) : t;
  if (body === '') return null;
  const n = parseUnsigned(body);
  return n === null || !Number.isFinite(n) ? null : sign * n;
}

/**
 * The delimiter of a CSV file: `;` when its first line has semicolons and no comma (Excel with
 * Vietnamese regional settings saves so, because the comma is the decimal sign), else `,`.
 */
export function csvDelimiter(text: string | Buffer): ',' | ';' {
  const head = (typeof text === 'string' ? text : text.subarray(0, 4096).toString('utf8')).split(/\r?\n/, 1)[0] ?? '';
  return head.includes(';') && !head.includes(',') ? ';' : ',';
}
