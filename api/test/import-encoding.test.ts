/**
 * Imports (issue 11): an invalid-UTF-8 CSV (a Windows-1258 export) was imported silently as "L��";
 * a NUL in a respondent's name made the dry run say 200 and the real import fail with 500; a file
 * with many bad rows answered with every error (18.7 MB).
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

let t: TestApp;
let campaignId: string;
beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: {
      kind: 'staff',
      name: 'Import encoding',
      year: 2021,
      opensAt: '2021-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    },
  });
  campaignId = res.json<{ id: string }>().id;
});
afterAll(async () => t?.close());

const HEADER = 'full_name,email,unit_code,respondent_group\n';
const upload = (body: Buffer | string, dryRun: boolean) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/respondents${dryRun ? '?dryRun=true' : ''}`,
    headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
    payload: body,
  });
const stored = async () =>
  (
    (await t.app.db.execute(sql`select count(*)::int as n from respondents where campaign_id = ${campaignId}`)).rows[0] as {
      n: number;
    }
  ).n;

type ErrorJson = { error: { code: string; message: string; details: { row: number }[]; detailsTotal?: number } };

describe('CSV imports', () => {
  it('refuses a Windows-1258 file, dry run and real import alike, telling how to save it as UTF-8', async () => {
    // "Lê Văn A" in Windows-1258: ê = 0xEA, ă = 0xE3 — not valid UTF-8.
    const cp1258 = Buffer.concat([
      Buffer.from(`${HEADER}L`, 'latin1'),
      Buffer.from([0xea]),
      Buffer.from(' V', 'latin1'),
      Buffer.from([0xe3]),
      Buffer.from('n A,a@example.vn,ST01,T2\n', 'latin1'),
    ]);
    for (const dryRun of [true, false]) {
      const res = await upload(cp1258, dryRun);
      expect(res.statusCode).toBe(400);
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('IMPORT_ENCODING');
      expect(body.error.message).toContain('CSV UTF-8');
      expect(body.error.details[0]?.row).toBe(2);
    }
    expect(await stored()).toBe(0);
  });

  it('refuses a NUL in a name in the dry run exactly as in the real import', async () => {
    const csv = `${HEADER}Trần Văn A,a@example.vn,ST01,T2\nTrần\u0000Văn B,b@example.vn,ST01,T2\n`;
    for (const dryRun of [true, false]) {
      const res = await upload(csv, dryRun);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>().error).toMatchObject({ code: 'IMPORT_INVALID', details: [{ row: 3 }] });
    }
    expect(await stored()).toBe(0);
  });

  it('lists the first 200 problems of a file with thousands, and their count', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Người ${i},not-an-email-${i},ST01,T2`).join('\n');
    const res = await upload(`${HEADER}${rows}\n`, true);
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorJson>();
    expect(body.error.details).toHaveLength(200);
    expect(body.error.detailsTotal).toBe(5000);
    expect(res.body.length).toBeLessThan(100_000);
  });
});

describe('XLSX imports', () => {
  const workbook = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Người trả lời');
    ws.addRow(['full_name', 'email', 'unit_code', 'respondent_group']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const uploadXlsx = (body: Buffer, dryRun: boolean) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/respondents${dryRun ? '?dryRun=true' : ''}`,
      headers: { cookie: t.adminCookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: body,
    });

  it('stores a name typed with combining marks (NFD) as the precomposed text (NFC)', async () => {
    const nfd = 'Nguyễn Thị Hòa'.normalize('NFD');
    const res = await uploadXlsx(await workbook([[nfd, 'hoa@example.vn', 'ST01', 'T2']]), false);
    expect(res.statusCode, res.body).toBeLessThan(300);
    const names = (await t.app.db.execute(sql`select full_name from respondents where campaign_id = ${campaignId}`)).rows.map(
      (r) => (r as { full_name: string }).full_name,
    );
    expect(names).toEqual(['Nguyễn Thị Hòa'.normalize('NFC')]);
  });
});
