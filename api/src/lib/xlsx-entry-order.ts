/**
 * ExcelJS's streaming WorkbookReader names each sheet from `xl/workbook.xml` and resolves cells from
 * `xl/sharedStrings.xml`. Workbooks ExcelJS itself writes (every XLSX this product exports, so every
 * template an officer downloads, fills in and uploads again) store `xl/workbook.xml` as the LAST
 * entry, and the streaming pass does not reliably deliver a last entry before the sheets are read:
 * the read then fails now and then with "Cannot read properties of undefined (reading 'sheets')"
 * (exceljs issue 3064). `workbookPartsFirst` rewrites the archive with the workbook's parts first and
 * the sheets after them, copying each entry's compressed bytes as they are (no inflating), so the
 * reader meets the names and shared strings before any row. A file it does not understand (not a
 * plain ZIP, ZIP64, comments it cannot place) is returned unchanged for the reader to judge.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

const FIRST = [
  '[content_types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedstrings.xml',
  'xl/styles.xml',
];

function rank(name: string): number {
  const lower = name.toLowerCase();
  const i = FIRST.indexOf(lower);
  if (i >= 0) return i;
  return lower.startsWith('xl/worksheets/') ? FIRST.length : FIRST.length + 1;
}

interface Entry {
  name: string;
  /** The central directory record, copied with its local-header offset rewritten. */
  central: Buffer;
  /** Local header, data and any data descriptor. */
  body: Buffer;
}

function endRecord(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END && i + 22 + zip.readUInt16LE(i + 20) === zip.length) return i;
  }
  return -1;
}

function entries(zip: Buffer): Entry[] | null {
  const end = endRecord(zip);
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  const cdSize = zip.readUInt32LE(end + 12);
  const cdStart = zip.readUInt32LE(end + 16);
  if (count === 0xffff || cdStart === 0xffffffff || cdStart + cdSize !== end) return null;
  const records: { name: string; central: Buffer; offset: number }[] = [];
  let p = cdStart;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || zip.readUInt32LE(p) !== CENTRAL) return null;
    const length = 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    if (offset === 0xffffffff || offset >= cdStart || zip.readUInt32LE(offset) !== LOCAL) return null;
    records.push({
      name: zip.toString('utf8', p + 46, p + 46 + zip.readUInt16LE(p + 28)),
      central: Buffer.from(zip.subarray(p, p + length)),
      offset,
    });
    p += length;
  }
  if (p !== end) return null;
  // Each entry's bytes run to the next entry (or the central directory): data descriptors included.
  const starts = records.map((r) => r.offset).sort((a, b) => a - b);
  if (new Set(starts).size !== starts.length || starts[0] !== 0) return null;
  return records.map((r) => {
    const next = starts.find((s) => s > r.offset) ?? cdStart;
    return { name: r.name, central: r.central, body: zip.subarray(r.offset, next) };
  });
}

/** The same workbook with its parts before its sheets (or the bytes unchanged, see above). */
export function workbookPartsFirst(zip: Buffer): Buffer {
  const list = zip.length >= 22 ? entries(zip) : null;
  if (!list) return zip;
  const ordered = list.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.name) - rank(b.e.name) || a.i - b.i);
  if (ordered.every((o, i) => o.i === i)) return zip;
  const parts: Buffer[] = [];
  let offset = 0;
  for (const { e } of ordered) {
    e.central.writeUInt32LE(offset, 42);
    parts.push(e.body);
    offset += e.body.length;
  }
  const cdStart = offset;
  for (const { e } of ordered) {
    parts.push(e.central);
    offset += e.central.length;
  }
  const end = Buffer.from(zip.subarray(endRecord(zip)));
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  parts.push(end);
  return Buffer.concat(parts);
}
