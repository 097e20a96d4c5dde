/**
 * Every file import has a size and a row limit of its own (issue 11: a 3.3 MB, 230,000-row workbook
 * was parsed whole, took the process to 1.16 GB and answered with an 18.7 MB error list). Over the
 * size → 413 PAYLOAD_TOO_LARGE, refused from the announced length; over the rows → 413
 * IMPORT_TOO_MANY_ROWS, as soon as the reader passes the limit. Both name the limit in Vietnamese and
 * English, and nothing is stored.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { RESPONDENT_HEADER, respondentCsv, respondentRows, respondentXlsx } from '../../test/support/respondent-files.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LIMITS = {
  respondents: { maxBytes: 64 * 1024, maxRows: 40 },
  accounts: { maxBytes: 16 * 1024, maxRows: 10 },
  unitEvents: { maxBytes: 16 * 1024, maxRows: 10 },
  selfAssessment: { maxBytes: 16 * 1024, maxRows: 10 },
  samplingPlan: { maxBytes: 16 * 1024, maxRows: 10 },
};
type Kind = keyof typeof LIMITS;
type ErrorJson = {
  error: { code: string; details: { row: number; message: string; messageEn: string; limit?: number; limitBytes?: number }[] };
};

let t: TestApp;
let staffCampaign = '';
let sipasCampaign = '';
beforeAll(async () => {
  t = await buildTestApp({ importLimits: LIMITS });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: { kind: 'staff', name: 'Limits', year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  staffCampaign = res.json<{ id: string }>().id;
  sipasCampaign = await openSipasCampaign(t);
});
afterAll(async () => t?.close());

const URL_OF: Record<Kind, () => string> = {
  respondents: () => `/api/v1/campaigns/${staffCampaign}/respondents?dryRun=true`,
  accounts: () => '/api/v1/enumerators/import',
  unitEvents: () => '/api/v1/units/events?dryRun=true',
  selfAssessment: () => '/api/v1/par/2021/self-assessments?dryRun=true',
  samplingPlan: () => `/api/v1/campaigns/${sipasCampaign}/sampling-plan.xlsx?dryRun=true`,
};

/** A header and n data rows of the kind (the limit is checked before any cell is). */
function table(kind: Kind, n: number): string[][] {
  if (kind === 'respondents') return [RESPONDENT_HEADER, ...respondentRows(n, 'lim')];
  const header = {
    accounts: ['full_name', 'email', 'organisation', 'password'],
    unitEvents: ['event', 'from_codes', 'to_codes', 'name', 'group', 'effective_date', 'basis'],
    selfAssessment: ['unit_code', 'self_assessment', 'max_points'],
    samplingPlan: ['Mã đơn vị', 'Tên đơn vị', 'Chỉ tiêu phiếu', 'Số hồ sơ/năm'],
  }[kind];
  return [header, ...Array.from({ length: n }, (_, i) => header.map((_h, j) => `v${i}-${j}`))];
}

const send = (kind: Kind, payload: string | Buffer, contentType: string) =>
  t.app.inject({
    method: 'POST',
    url: URL_OF[kind](),
    headers: { cookie: t.adminCookie, 'content-type': contentType },
    payload,
  });

const count = async (query: ReturnType<typeof sql>) => ((await t.app.db.execute(query)).rows[0] as { n: number }).n;
const stored = async () => ({
  respondents: await count(sql`select count(*)::int as n from respondents`),
  users: await count(sql`select count(*)::int as n from users`),
  events: await count(sql`select count(*)::int as n from unit_events`),
  selfAssessments: await count(sql`select count(*)::int as n from self_assessments`),
});

const KINDS = Object.keys(LIMITS) as Kind[];
const CSV_KINDS = KINDS.filter((k) => k !== 'samplingPlan');

describe('import limits', () => {
  it.each(KINDS)('refuses a %s upload over its size limit with 413 naming the limit, reading nothing', async (kind) => {
    const before = await stored();
    const big = Buffer.alloc(LIMITS[kind].maxBytes + 1, 0x61);
    const res = await send(kind, big, kind === 'samplingPlan' ? XLSX : 'text/csv');
    expect(res.statusCode).toBe(413);
    const { error } = res.json<ErrorJson>();
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.details[0]?.limitBytes).toBe(LIMITS[kind].maxBytes);
    expect(error.details[0]?.message).toContain(`${LIMITS[kind].maxBytes / 1024} KB`);
    expect(error.details[0]?.messageEn).toContain(`${LIMITS[kind].maxBytes / 1024} KB limit`);
    expect(await stored()).toEqual(before);
  });

  it.each(CSV_KINDS)('refuses a %s CSV with one data row over the limit with 413 IMPORT_TOO_MANY_ROWS', async (kind) => {
    const before = await stored();
    const max = LIMITS[kind].maxRows;
    const csv = `${table(kind, max + 1)
      .map((r) => r.join(','))
      .join('\n')}\n`;
    const res = await send(kind, csv, 'text/csv');
    expect(res.statusCode).toBe(413);
    const { error } = res.json<ErrorJson>();
    expect(error.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(error.details[0]?.limit).toBe(max);
    expect(error.details[0]?.message).toContain(`hơn ${max} dòng`);
    expect(error.details[0]?.messageEn).toContain(`more than ${max} data rows`);
    expect(await stored()).toEqual(before);
  });

  it.each(KINDS)('refuses a %s workbook with one data row over the limit with 413 IMPORT_TOO_MANY_ROWS', async (kind) => {
    const before = await stored();
    const max = LIMITS[kind].maxRows;
    const [header = [], ...rows] = table(kind, max + 1);
    const res = await send(kind, await respondentXlsx(rows, header), XLSX);
    expect(res.statusCode).toBe(413);
    const { error } = res.json<ErrorJson>();
    expect(error.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(error.details[0]?.message).toMatch(new RegExp(`Trang "Danh sách" có hơn ${max} dòng dữ liệu`));
    expect(await stored()).toEqual(before);
  });

  it('accepts a respondent list of exactly the limit, as CSV and as XLSX, empty lines not counted', async () => {
    const rows = respondentRows(LIMITS.respondents.maxRows, 'exact');
    const csv = `${respondentCsv(rows)}\n\n`;
    const fromCsv = await send('respondents', csv, 'text/csv');
    expect(fromCsv.statusCode, fromCsv.body).toBe(200);
    const fromXlsx = await send('respondents', await respondentXlsx(rows), XLSX);
    expect(fromXlsx.statusCode, fromXlsx.body).toBe(200);
    for (const res of [fromCsv, fromXlsx])
      expect(res.json<{ byGroup: { count: number }[] }>().byGroup.reduce((s, g) => s + g.count, 0)).toBe(
        LIMITS.respondents.maxRows,
      );
  });
});
