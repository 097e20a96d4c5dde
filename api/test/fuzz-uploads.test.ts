/**
 * Fuzz of the file uploads (respondents, unit events, PAR self-assessments, field accounts, the
 * sampling plan, form workbooks), found in the OpenAPI document as the routes whose body is a CSV or
 * XLSX file, so a new import is fuzzed without anyone adding it here. Each body is a file no import
 * may take: random bytes, a workbook cut short, a table with a NUL in its first cell, or a table in
 * another encoding than UTF-8 (Windows-1258-like single bytes, UTF-16 with its byte order mark).
 * Every answer is a 4xx with a catalogue code, never a 500, and no row is written anywhere. Its
 * first find: an empty XLSX body was never answered (the streaming workbook reader waited forever).
 */
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { RESPONDENT_HEADER, respondentXlsx } from '../../test/support/respondent-files.ts';
import { rowCounts, verdict } from './fuzz-support.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The headers of the imports, so the reader gets past the first line now and then. */
const HEADERS = [
  RESPONDENT_HEADER,
  ['event', 'from_codes', 'to_codes', 'name', 'group', 'effective_date', 'basis'],
  ['full_name', 'email', 'organisation', 'password', 'role'],
  ['unit_code', 'self_assessment', 'max_points', 'staff_survey_points'],
];
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Nguyễn Thị Hồng', 'ST34', 'T2', 'merge', '2025-07-01', 'a@example.vn', '12,5', 'Hòa'.normalize('NFD')),
);
/** A header and a few rows; the first data cell is Vietnamese, so the text always has letters beyond ASCII. */
const table = fc
  .record({
    header: fc.constantFrom(...HEADERS),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ header, rows }) => [header, ...rows.map((r, i) => (i === 0 ? ['Nguyễn Thị Hồng', ...r] : r))]);

const csvText = (rows: string[][]) => `${rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n')}\n`;
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
/** A byte that never occurs in UTF-8 (0xFF), somewhere in random bytes. */
const notUtf8 = fc
  .record({ bytes: fc.uint8Array({ maxLength: 2048 }), at: fc.nat() })
  .map(({ bytes, at }) =>
    Buffer.concat([bytes.subarray(0, at % (bytes.length + 1)), Buffer.from([0xff]), bytes.subarray(at % (bytes.length + 1))]),
  );

/** CSV bodies: each one is refused by the CSV reader whatever the route. */
const csvBody = fc.oneof(
  notUtf8.map((b) => ({ kind: 'random bytes', bytes: b })),
  fc.record({ rows: table, at: fc.nat() }).map(({ rows, at }) => {
    const text = csvText(rows);
    const i = at % (text.length + 1);
    return { kind: 'NUL', bytes: Buffer.from(`${text.slice(0, i)}\u0000${text.slice(i)}`) };
  }),
  fc.record({ rows: table, encoding: fc.constantFrom('windows-1258', 'utf-16le', 'utf-16be') }).map(({ rows, encoding }) => {
    const text = csvText(rows);
    const bytes =
      encoding === 'windows-1258'
        ? Buffer.from(text, 'latin1')
        : encoding === 'utf-16le'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
          : Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]);
    return { kind: encoding, bytes };
  }),
);

/** XLSX bodies, built when sent (a workbook is written asynchronously). */
type XlsxBody = { kind: string; build: () => Promise<Buffer> };
const xlsxBody: fc.Arbitrary<XlsxBody> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((b) => ({ kind: 'random bytes', build: () => Promise.resolve(Buffer.from(b)) })),
  // Cut before the zip's closing directory (its last 22 bytes): the archive cannot be read.
  fc.record({ rows: table, cut: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ rows, cut }) => ({
    kind: 'truncated workbook',
    build: async () => {
      const [header = [], ...data] = rows;
      const file = await respondentXlsx(data, header);
      return file.subarray(0, Math.floor(cut * (file.length - 22)));
    },
  })),
  fc.record({ rows: table, bad: fc.constantFrom('\u0000', 'a\u0000b', `Hòa\u0000`) }).map(({ rows, bad }) => ({
    kind: 'workbook with a NUL',
    build: async () => {
      const [header = [], first = [], ...data] = rows;
      return respondentXlsx([[bad, ...first.slice(1)], ...data], header);
    },
  })),
);

describe('fuzzing the file uploads', () => {
  let t: TestApp;
  let routes: { path: string; types: string[] }[] = [];
  const campaigns = { staff: '', sipas: '' };

  beforeAll(async () => {
    t = await buildTestApp();
    campaigns.sipas = await openSipasCampaign(t);
    const staff = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: { kind: 'staff', name: 'Fuzz', year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    });
    campaigns.staff = staff.json<{ id: string }>().id;
    const doc = t.app.swagger() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .map(([, op]) => Object.keys(op.requestBody?.content ?? {}).filter((type) => type === CSV || type === XLSX))
        .filter((types) => types.length > 0)
        .map((types) => ({ path, types })),
    );
  });
  afterAll(async () => t?.close());

  /** A staff campaign for the respondent list, the open SIPAS campaign for the rest, the 2021 PAR year. */
  const fill = (path: string) =>
    path.replace('{id}', path.endsWith('/respondents') ? campaigns.staff : campaigns.sipas).replace('{year}', '2021');

  it('finds the uploads in the OpenAPI document', () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        { path: '/api/v1/campaigns/{id}/respondents', types: [CSV, XLSX] },
        { path: '/api/v1/campaigns/{id}/sampling-plan.xlsx', types: [XLSX] },
        { path: '/api/v1/units/events', types: [CSV, XLSX] },
        { path: '/api/v1/par/{year}/self-assessments', types: [CSV, XLSX] },
        { path: '/api/v1/forms.xlsx', types: [XLSX] },
        { path: '/api/v1/enumerators/import', types: [CSV, XLSX] },
        { path: '/api/v1/supervisors/import', types: [CSV, XLSX] },
      ]),
    );
  });

  it('answers every broken or badly encoded file with a 4xx catalogue code and writes nothing', async () => {
    const before = await rowCounts(t);
    const failures: string[] = [];
    const send = async (path: string, type: string, kind: string, payload: Buffer) => {
      const res = await t.app.inject({
        method: 'POST',
        url: fill(path),
        headers: { cookie: t.adminCookie, 'content-type': type },
        payload,
      });
      const wrong = verdict(res, null);
      if (wrong) failures.push(`${path} ${type} ${kind}: ${wrong}`);
      return wrong === null;
    };
    for (const r of routes) {
      if (r.types.includes(CSV))
        await fc
          .assert(
            fc.asyncProperty(csvBody, (b) => send(r.path, CSV, b.kind, b.bytes)),
            { numRuns: 12, seed: 16, endOnFailure: true },
          )
          .catch(() => undefined);
      if (r.types.includes(XLSX))
        await fc
          .assert(
            fc.asyncProperty(xlsxBody, async (b) => send(r.path, XLSX, b.kind, await b.build())),
            { numRuns: 12, seed: 16, endOnFailure: true },
          )
          .catch(() => undefined);
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(t)).toEqual(before);
  });
});
