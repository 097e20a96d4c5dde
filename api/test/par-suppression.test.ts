/**
 * Staff-survey points in the PAR table (issue 14, SUPPRESS_MIN_CELL = 5). A unit's staff points
 * computed from 3 staff responses would show those three people's answers: the unit is withheld
 * ("< 5" in the staff column of the downloads, `staff_too_few_responses` in JSON) together with its
 * total, index and band, and it is in no group mean — the group mean times the number of units minus
 * the shown units gives nothing back. From 5 responses the unit is scored as usual.
 */
import { FORM_CODES, staffTemplate } from '@hailong/forms';
import { schema } from '@hailong/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { findStoredForm } from '../src/features/forms/repo.ts';
import { createCampaign, insertResponses } from './aggregation-fixtures.ts';

const OPENS = new Date('2021-11-02T17:00:00Z');
const CLOSES = new Date('2021-11-22T17:00:00Z');
const DAY = new Date(OPENS.getTime() + 86_400_000);

interface ParBody {
  minCell: number;
  units: { unitCode: string; staffSurveyPoints: number; staffSource: string }[];
  groups: { group: string; units: number; meanStaffSurveyPoints: number }[];
  overall: { units: number };
  incomplete: { unitCode: string; missing: string[]; missingSubCriteria?: string[] }[];
}

let t: TestApp;
let staffCampaign = '';
const unitId = new Map<string, number>();
const get = (url: string) => t.app.inject({ url, headers: { cookie: t.adminCookie } });

/** `n` valid responses of a form about a unit, all with the same answers. */
async function responses(
  campaignId: string,
  code: string,
  unitCode: string,
  n: number,
  answer: (id: string) => unknown,
  at = DAY,
) {
  const form = (await findStoredForm(t.app.db, code))!;
  const answers = Object.fromEntries(form.definition.sections.flatMap((s) => s.questions).map((q) => [q.id, answer(q.id)]));
  await insertResponses(
    t.app.db,
    Array.from({ length: n }, () => ({
      campaignId,
      unitId: unitId.get(unitCode)!,
      formId: form.id,
      reviewState: 'valid' as const,
      completedAt: at,
      answers,
    })),
  );
}

/** `perTemplate` staff responses about a department from each of T1, T2, T3, every question answered `answer`. */
async function staffAnswers(unitCode: string, perTemplate: number, answer: 'A' | 'B') {
  for (const group of ['T1', 'T2', 'T3'] as const)
    await responses(staffCampaign, staffTemplate(group)!.code, unitCode, perTemplate, () => answer);
}

beforeAll(async () => {
  t = await buildTestApp({ suppressMinCell: 5 });
  for (const u of await t.app.db.select().from(schema.units)) unitId.set(u.code, u.id);
  const sipas = await createCampaign(t.app.db, 'sipas', 'SIPAS 2021', 2021, OPENS, CLOSES);
  for (const code of ['ST16', 'ST11', 'ST12']) await responses(sipas, FORM_CODES.counter, code, 40, () => 5);
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/v1/par/2021/self-assessments',
    payload: 'unit_code,self_assessment,max_points\nST16,48,94\nST11,40.47,89\nST12,45,90\n',
    headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
  });
  expect(imported.statusCode).toBe(201);
  staffCampaign = await createCampaign(t.app.db, 'staff', 'CBCCVC 2021', 2021, OPENS, CLOSES);
  await staffAnswers('ST16', 2, 'A'); // 6 responses, full marks: 22
  await staffAnswers('ST12', 2, 'B'); // 6 responses at 60 %: 13.2
  await staffAnswers('ST11', 1, 'A'); // 3 responses: withheld
}, 60_000);
afterAll(async () => t?.close());

describe('staff-survey points under the minimum cell', () => {
  it('withholds a unit rated by 3 staff responses, and keeps it out of the group mean', async () => {
    const body = (await get('/api/v1/par/2021')).json<ParBody>();
    expect(body.minCell).toBe(5);
    expect(body.units.map((u) => [u.unitCode, u.staffSurveyPoints, u.staffSource]).sort()).toEqual([
      ['ST12', 13.2, 'survey'],
      ['ST16', 22, 'survey'],
    ]);
    expect(body.incomplete.find((u) => u.unitCode === 'ST11')).toEqual(
      expect.objectContaining({ missing: ['staff_too_few_responses'] }),
    );
    expect(body.incomplete.find((u) => u.unitCode === 'ST11')?.missingSubCriteria).toBeUndefined();
    // Subtraction: the group mean covers the shown units only, so mean × units − shown = 0.
    const department = body.groups.find((g) => g.group === 'department')!;
    expect(department.units).toBe(2);
    expect(department.meanStaffSurveyPoints * department.units - 22 - 13.2).toBeCloseTo(0, 9);
    expect(body.overall.units).toBe(2);
  });

  it('shows "< 5" for the unit in the Excel download, with nothing that gives its points back', async () => {
    const res = await get('/api/v1/par/2021?format=xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const st11 = rows.filter((r) => r[1] === 'Sở Tài chính');
    expect(st11).toHaveLength(1);
    // STT, name, max, self, staff, SIPAS points, total, index, band: only "< 5" and "not ranked".
    expect(st11[0]).toEqual([1, 'Sở Tài chính', undefined, undefined, '< 5', undefined, undefined, undefined, 'Chưa xếp loại']);
    const department = rows.find((r) => r[1] === 'Sở, ban, ngành')!;
    expect(department[4]).toBeCloseTo((22 + 13.2) / 2, 9);
    // Nor is it on the SIPAS or band sheets, which count the scored units only.
    const sipasNames: unknown[] = [];
    wb.getWorksheet('SIPAS')!.eachRow((r) => sipasNames.push(r.getCell(2).value));
    expect(sipasNames).not.toContain('Sở Tài chính');
  });

  it('shows "< 5" in the CSV download the same way', async () => {
    const csv = (await get('/api/v1/par/2021?format=csv')).body;
    expect(csv).toContain('1,Sở Tài chính,,,< 5,,,,,Chưa xếp loại');
    expect(csv).not.toMatch(/Sở Tài chính,89/);
  });

  it('scores the unit as usual once 5 staff have answered about it', async () => {
    await responses(staffCampaign, staffTemplate('T2')!.code, 'ST11', 2, () => 'A');
    const body = (await get('/api/v1/par/2021')).json<ParBody>();
    expect(body.units.find((u) => u.unitCode === 'ST11')).toMatchObject({ staffSurveyPoints: 22, staffSource: 'survey' });
    expect(body.incomplete.find((u) => u.unitCode === 'ST11')).toBeUndefined();
    expect((await get('/api/v1/par/2021?format=csv')).body).not.toContain('< 5');
  });
});

describe('a unit SIPAS under the minimum cell', () => {
  it('is not scored in the PAR table nor compared with last year, even when the campaign asks for only 3 forms', async () => {
    const opens = new Date('2022-11-02T17:00:00Z');
    const sipas = await createCampaign(t.app.db, 'sipas', 'SIPAS 2022', 2022, opens, new Date('2022-11-22T17:00:00Z'), {
      minSample: 3,
    });
    const day = new Date(opens.getTime() + 86_400_000);
    await responses(sipas, FORM_CODES.counter, 'ST16', 4, () => 5, day);
    await responses(sipas, FORM_CODES.counter, 'ST11', 40, () => 5, day);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/par/2022/self-assessments',
      payload: 'unit_code,self_assessment,max_points,staff_survey_points\nST16,48,94,19\nST11,40,89,18\n',
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
    });
    expect(imported.statusCode).toBe(201);
    const body = (await get('/api/v1/par/2022')).json<ParBody>();
    expect(body.units.map((u) => u.unitCode)).toEqual(['ST11']);
    expect(body.incomplete.find((u) => u.unitCode === 'ST16')?.missing).toEqual(['sipas_not_enough_data']);
    const comparison = (await get('/api/v1/par/2022/sipas-comparison')).json<{
      units: { unitCode: string; sipasPercent: number | null; validForms: number }[];
    }>();
    const by = Object.fromEntries(comparison.units.map((u) => [u.unitCode, u]));
    expect(by.ST16).toMatchObject({ sipasPercent: null, validForms: 4 });
    expect(by.ST11).toMatchObject({ sipasPercent: 100, validForms: 40 });
    // /sipas withholds it the same way.
    const unit = (await get(`/api/v1/campaigns/${sipas}/sipas`))
      .json<{ units: { unitCode: string; sipasPercent: number | null; suppressed: string | null }[] }>()
      .units.find((u) => u.unitCode === 'ST16');
    expect(unit).toMatchObject({ sipasPercent: null, suppressed: 'small' });
  });
});
