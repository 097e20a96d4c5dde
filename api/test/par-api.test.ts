import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FORM_CODES, staffTemplate } from '@hailong/forms';
import { schema } from '@hailong/db';
import {
  computeStaffPoints,
  countAnswers,
  parMethod2021,
  roundHalfUp,
  staffMaximaOf,
  type ResponseAnswers,
} from '@hailong/scoring';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { ensureUser } from '../src/features/auth/repo.ts';
import { findStoredForm } from '../src/features/forms/repo.ts';
import { hashPassword } from '../src/lib/password.ts';
import {
  createCampaign,
  insertResponses,
  randomAnswers,
  rng,
  sampleFor,
  type GeneratedResponse,
} from './aggregation-fixtures.ts';

const SAMPLE = fileURLToPath(new URL('../../test/fixtures/par-2021-sample.csv', import.meta.url));
const OPENS = new Date('2021-11-02T17:00:00Z');
const CLOSES = new Date('2021-11-22T17:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Published {
  unit_code: string;
  unit_name: string;
  max_points: string;
  self_assessment: string;
  staff_survey_points: string;
  sipas_percent: string;
  sipas_points: string;
  total_points: string;
  par_index_percent: string;
  band: string;
}

function readSample(): Published[] {
  const [head, ...lines] = readFileSync(SAMPLE, 'utf8').trim().split('\n');
  const cols = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])) as unknown as Published);
}

type ParBody = {
  units: {
    unitCode: string;
    sipasPercent: number;
    sipasPoints: number;
    totalPoints: number;
    indexPercent: number;
    band: number;
    staffSurveyPoints: number;
    staffSource: string;
  }[];
  incomplete: { unitCode: string; missing: string[]; missingSubCriteria?: string[] }[];
};

describe('PAR Index API', () => {
  let t: TestApp;
  const sample = readSample();
  const unitId = new Map<string, number>();
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: t.adminCookie } });
  const post = (url: string, body: string | Buffer, type = 'text/csv') =>
    t.app.inject({ method: 'POST', url, payload: body, headers: { cookie: t.adminCookie, 'content-type': type } });

  beforeAll(async () => {
    t = await buildTestApp();
    for (const u of await t.app.db.select().from(schema.units)) unitId.set(u.code, u.id);
    const campaignId = await createCampaign(t.app.db, 'sipas', 'SIPAS 2021', 2021, OPENS, CLOSES);
    const form = (await findStoredForm(t.app.db, FORM_CODES.counter))!;
    const criteria = form.definition.scoring.sipas!.components.flatMap((c) => c.criteria);
    const rows: GeneratedResponse[] = sample.flatMap((p) => {
      const { n, satisfied } = sampleFor(Number(p.sipas_percent));
      return Array.from({ length: n }, (_, i) => ({
        campaignId,
        unitId: unitId.get(p.unit_code)!,
        formId: form.id,
        reviewState: 'valid' as const,
        completedAt: new Date(OPENS.getTime() + 86_400_000),
        answers: Object.fromEntries(criteria.map((q) => [q, i < satisfied ? 5 : 2])),
      }));
    });
    await insertResponses(t.app.db, rows);
  }, 60_000);
  afterAll(async () => t.close());

  it('imports the published self-assessment CSV and reproduces the published PAR rows', async () => {
    const res = await post('/api/v1/par/2021/self-assessments', readFileSync(SAMPLE, 'utf8'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2021, imported: 6, dryRun: false });
    const table = await get('/api/v1/par/2021');
    expect(table.statusCode).toBe(200);
    const body = table.json<ParBody>();
    expect(body.units.map((u) => u.unitCode).sort()).toEqual(sample.map((p) => p.unit_code).sort());
    for (const p of sample) {
      const u = body.units.find((x) => x.unitCode === p.unit_code)!;
      expect(u.sipasPercent).toBe(Number(p.sipas_percent));
      expect(u.sipasPoints).toBe(Number(p.sipas_points));
      expect(Math.abs(u.totalPoints - Number(p.total_points))).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(Math.abs(u.indexPercent - Number(p.par_index_percent))).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(u.band).toBe(Number(p.band));
      expect(u.staffSource).toBe('imported');
    }
    // The other 34 units are listed, with the reason they are not scored.
    expect(body.incomplete).toHaveLength(34);
    expect(body.incomplete[0]?.missing).toEqual(['no_self_assessment', 'no_staff_points', 'sipas_no_data']);
  });

  it('refuses a file with bad rows, names each row and field in Vietnamese, and stores nothing', async () => {
    const csv = [
      'unit_code,self_assessment,max_points',
      'ST16,40,90',
      'XX99,40,90',
      'ST11,bốn mươi,90',
      'ST25,95,90',
      'ST16,41,90',
    ].join('\n');
    const res = await post('/api/v1/par/2030/self-assessments', csv);
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{
      error: { code: string; message: string; details: { row: number; field: string; message: string }[] };
    }>();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('Tệp nhập có dòng không hợp lệ, chưa dòng nào được lưu');
    expect(error.details).toEqual([
      { row: 3, field: 'unit_code', message: 'Không có đơn vị mã "XX99"', messageEn: 'No unit with code "XX99"' },
      { row: 4, field: 'self_assessment', message: 'Không phải số: "bốn mươi"', messageEn: 'Not a number: "bốn mươi"' },
      { row: 5, field: 'self_assessment', message: 'Vượt điểm tối đa (90)', messageEn: 'Above the maximum (90)' },
      { row: 6, field: 'unit_code', message: 'Trùng mã đơn vị với dòng 2', messageEn: 'Same unit code as row 2' },
    ]);
    const noColumn = await post('/api/v1/par/2030/self-assessments', 'unit_code,self_assessment\nST16,40\n');
    expect(noColumn.json<{ error: { details: unknown[] } }>().error.details).toEqual([
      { row: 1, field: 'max_points', message: 'Thiếu cột', messageEn: 'Missing column' },
    ]);
    const stored = await t.app.db.select().from(schema.selfAssessments).where(eq(schema.selfAssessments.year, 2030));
    expect(stored).toEqual([]);
  });

  it('imports XLSX too and computes staff points from the staff survey when none were imported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tự đánh giá');
    ws.addRow(['unit_code', 'self_assessment', 'max_points']);
    ws.addRow(['ST16', 48, 94]);
    const res = await post('/api/v1/par/2021/self-assessments', Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(res.statusCode).toBe(201);
    const before = (await get('/api/v1/par/2021')).json<ParBody>();
    expect(before.incomplete.find((u) => u.unitCode === 'ST16')?.missing).toEqual(['no_staff_points']);

    // Departments are rated by templates T1 (delegates), T2 and T3: T3 alone leaves sub-criteria of the group unanswered.
    const staffCampaign = await createCampaign(t.app.db, 'staff', 'CBCCVC 2021', 2021, OPENS, CLOSES);
    const r = rng(7);
    const rated = async (group: 'T1' | 'T2' | 'T3') => {
      const staff = (await findStoredForm(t.app.db, staffTemplate(group)!.code))!;
      const rows: GeneratedResponse[] = Array.from({ length: 40 }, () => ({
        campaignId: staffCampaign,
        unitId: unitId.get('ST16')!,
        formId: staff.id,
        reviewState: 'valid',
        completedAt: new Date(OPENS.getTime() + 3_600_000),
        answers: randomAnswers(staff.definition, r),
      }));
      await insertResponses(t.app.db, rows);
      return { form: staff.definition, counts: countAnswers(rows.map((x) => x.answers as ResponseAnswers)) };
    };
    const t3 = await rated('T3');
    const partial = (await get('/api/v1/par/2021')).json<ParBody>();
    const flagged = partial.incomplete.find((u) => u.unitCode === 'ST16');
    expect(flagged?.missing).toEqual(['staff_sub_criteria_missing']);
    // In the department item map but asked only by T1 or T2.
    expect(flagged?.missingSubCriteria).toEqual(
      expect.arrayContaining([
        'LD_CONSISTENCY',
        'LD_REASONABLENESS',
        'CS_TALENT_ATTRACTION',
        'PF_ADMIN_FUNDS_AUTONOMY',
        'UI_PAR_OFFICER',
      ]),
    );
    expect(flagged?.missingSubCriteria).not.toContain('CS_NO_ABUSE');

    const sources = [t3, await rated('T1'), await rated('T2')];
    const expected = computeStaffPoints(sources, { maxima: staffMaximaOf(parMethod2021, 'department') });
    expect(expected.missing).toEqual([]);
    expect(expected.maxPoints).toBe(22);
    const after = (await get('/api/v1/par/2021')).json<ParBody>();
    const st16 = after.units.find((u) => u.unitCode === 'ST16')!;
    expect(st16.staffSource).toBe('survey');
    expect(st16.staffSurveyPoints).toBe(roundHalfUp(expected.points, 2));
  });

  it('downloads the table as an Excel workbook and as CSV with a Vietnamese file name', async () => {
    await post('/api/v1/par/2021/self-assessments', readFileSync(SAMPLE, 'utf8'));
    const res = await get('/api/v1/par/2021?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="chi-so-cchc-2021.xlsx"; filename*=UTF-8''${encodeURIComponent('Chỉ số CCHC 2021.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let row: unknown[] = [];
    ws.eachRow((r) => {
      if ((r.values as unknown[])[2] === 'Sở Xây dựng') row = (r.values as unknown[]).slice(1);
    });
    expect(row.slice(0, 7)).toEqual([1, 'Sở Xây dựng', 94, 48, 19.18, 14.91, 82.09]);
    expect(row[7]).toBeCloseTo(0.8733, 12);
    expect(row[8]).toBe('Nhóm 2');
    // The SIPAS sheet labels the year's overall SIPAS both ways; from the API the forms are known, so the pooled figure is there.
    const labels: unknown[] = [];
    wb.getWorksheet('SIPAS')!.eachRow((r) => labels.push(r.getCell(2).value));
    expect(labels).toEqual(
      expect.arrayContaining(['SIPAS chung của năm — bình quân các đơn vị', 'SIPAS chung của năm — gộp tất cả phiếu hợp lệ']),
    );
    const json = (await get('/api/v1/par/2021')).json<{ sipasOverall: { pooledPercent: number; meanOfUnitsPercent: number } }>();
    expect(json.sipasOverall.meanOfUnitsPercent).toBe(
      roundHalfUp(sample.reduce((a, p) => a + Number(p.sipas_percent), 0) / sample.length, 2),
    );
    expect(json.sipasOverall.pooledPercent).toBeGreaterThan(0);
    const csv = await get('/api/v1/par/2021?format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('Sở Xây dựng,94.00,48.00,19.18,99.40,14.91,82.09,87.33,Nhóm 2');
  });

  it('checks a file without storing it (dry run), and gives a template of every unit that imports back as filled in', async () => {
    const dry = await post('/api/v1/par/2029/self-assessments?dryRun=true', 'unit_code,self_assessment,max_points\nST16,48,94\n');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({
      year: 2029,
      imported: 1,
      dryRun: true,
      units: [
        {
          unitCode: 'ST16',
          unitName: 'Sở Xây dựng',
          group: 'department',
          selfAssessment: 48,
          maxPoints: 94,
          staffSurveyPoints: null,
          replaces: false,
        },
      ],
    });
    expect(await t.app.db.select().from(schema.selfAssessments).where(eq(schema.selfAssessments.year, 2029))).toEqual([]);
    expect(
      (await post('/api/v1/par/2029/self-assessments?dryRun=true', 'unit_code,self_assessment,max_points\nST16,95,94\n'))
        .statusCode,
    ).toBe(400);
    // Decimal commas, as Excel with Vietnamese settings saves them (semicolon-separated).
    const commas = await post(
      '/api/v1/par/2029/self-assessments?dryRun=true',
      'unit_code;self_assessment;max_points;staff_survey_points\nST16;48,50;94,00;19,18\n',
    );
    expect(commas.json()).toMatchObject({
      units: [{ unitCode: 'ST16', selfAssessment: 48.5, maxPoints: 94, staffSurveyPoints: 19.18 }],
    });

    const csv = await get('/api/v1/par/2029/self-assessments/template?format=csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Mã đơn vị,Tên đơn vị,Điểm tự đánh giá,Điểm chuẩn sau hạ chuẩn,Điểm khảo sát CBCCVC');
    expect(lines).toHaveLength(41);
    expect(lines).toContain('ST16,Sở Xây dựng,,,');
    // Importing the template as downloaded stores nothing: no row has figures.
    expect((await post('/api/v1/par/2029/self-assessments', csv.body)).json().error.details).toEqual([
      expect.objectContaining({ message: 'Tệp không có dòng nào có điểm' }),
    ]);
    // Filled in (one unit) in Excel, it imports; the next template carries the stored figures.
    const xlsx = await get('/api/v1/par/2029/self-assessments/template');
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.eachRow((r) => {
      if (r.getCell(1).value !== 'ST16') return;
      r.getCell(3).value = '48,5'; // typed as text with a decimal comma
      r.getCell(4).value = 94;
      r.getCell(5).value = 19.18;
    });
    const stored = await post('/api/v1/par/2029/self-assessments', Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({
      imported: 1,
      dryRun: false,
      units: [{ unitCode: 'ST16', selfAssessment: 48.5, staffSurveyPoints: 19.18, replaces: false }],
    });
    expect((await get('/api/v1/par/2029/self-assessments/template?format=csv')).body).toContain('ST16,Sở Xây dựng,48.5,94,19.18');
    const again = await post(
      '/api/v1/par/2029/self-assessments?dryRun=true',
      'unit_code,self_assessment,max_points\nST16,50,94\n',
    );
    expect(again.json()).toMatchObject({ units: [{ unitCode: 'ST16', replaces: true }] });
  });

  it('refuses anonymous users and uploads that are neither CSV nor XLSX', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/par/2021/self-assessments',
      payload: 'unit_code\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(anon.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/par/2021' })).statusCode).toBe(401);
    const types = await post('/api/v1/par/2021/self-assessments', '{}', 'application/json');
    expect(types.statusCode).toBe(415);
  });

  it('lets an observer whose organisation supervises a campaign of the year read the PAR table, but not import', async () => {
    const [org] = await t.app.db
      .insert(schema.organisations)
      .values({ name: 'Ủy ban MTTQ tỉnh', kind: 'supervisor' })
      .returning();
    await ensureUser(t.app.db, {
      email: 'qs@mttq.vn',
      fullName: 'Quan sát viên',
      passwordHash: await hashPassword('Obs-Pass-2026!'),
      role: 'observer',
      organisationId: org!.id,
    });
    const cookie = await t.login('qs@mttq.vn', 'Obs-Pass-2026!');
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/par/2021', headers: { cookie } });
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('NOT_SUPERVISED');
    const [campaign] = await t.app.db.select().from(schema.campaigns).where(eq(schema.campaigns.name, 'SIPAS 2021'));
    await t.app.db.insert(schema.campaignSupervisors).values({ campaignId: campaign!.id, organisationId: org!.id });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/par/2021', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/par/2020', headers: { cookie } })).statusCode).toBe(403);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/par/2021/self-assessments',
      payload: readFileSync(SAMPLE, 'utf8'),
      headers: { cookie, 'content-type': 'text/csv' },
    });
    expect(imported.statusCode).toBe(403);
  });
});
