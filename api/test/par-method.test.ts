/**
 * The PAR method of a year (issue 12, docs/0012) through HTTP and the database: 2021 seeded, a new
 * year starts as a copy, a save is checked field by field, confirmed once results exist, versioned
 * and audited, and the year's SIPAS and PAR table follow it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FORM_CODES } from '@hailong/forms';
import { schema } from '@hailong/db';
import { copyParMethod, parMethod2021, type ParMethod } from '@hailong/scoring';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { findStoredForm } from '../src/features/forms/repo.ts';
import { createCampaign, insertResponses, type GeneratedResponse } from './aggregation-fixtures.ts';

const SAMPLE = fileURLToPath(new URL('../../test/fixtures/par-2021-sample.csv', import.meta.url));

interface MethodBody {
  year: number;
  version: number;
  basis: string;
  copiedFromYear: number | null;
  hasResults: boolean;
  method: ParMethod;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageEn: string;
    details: { field: string; reason: string; message: string; messageEn: string; expected?: number; actual?: number }[];
  };
}

describe('PAR method by year', () => {
  let t: TestApp;
  const unitId = new Map<string, number>();
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: t.adminCookie } });
  const put = (year: number, payload: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/par/${year}/method`,
      payload: payload as object,
      headers: { cookie: t.adminCookie },
    });

  /** 30 valid counter forms for a unit: every TC criterion answered 5, every other criterion 1. */
  async function onlyAccessSatisfied(year: number, unitCode: string): Promise<string> {
    const opens = new Date(`${year}-11-02T17:00:00Z`);
    const campaignId = await createCampaign(
      t.app.db,
      'sipas',
      `SIPAS ${year}`,
      year,
      opens,
      new Date(opens.getTime() + 20 * 86_400_000),
    );
    const form = (await findStoredForm(t.app.db, FORM_CODES.counter))!;
    const answers = Object.fromEntries(
      form.definition.scoring.sipas!.components.flatMap((c) => c.criteria.map((q) => [q, c.code === 'TC' ? 5 : 1])),
    );
    const rows: GeneratedResponse[] = Array.from({ length: 30 }, () => ({
      campaignId,
      unitId: unitId.get(unitCode)!,
      formId: form.id,
      reviewState: 'valid',
      completedAt: new Date(opens.getTime() + 86_400_000),
      answers,
    }));
    await insertResponses(t.app.db, rows);
    return campaignId;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    for (const u of await t.app.db.select().from(schema.units)) unitId.set(u.code, u.id);
  }, 60_000);
  afterAll(async () => t.close());

  it('serves the seeded 2021 method, and a new year as a copy of the latest earlier one', async () => {
    const y2021 = await get('/api/v1/par/2021/method');
    expect(y2021.statusCode).toBe(200);
    expect(y2021.json<MethodBody>()).toMatchObject({
      year: 2021,
      version: 1,
      basis: 'seed',
      copiedFromYear: null,
      hasResults: false,
      method: parMethod2021,
    });
    const y2022 = (await get('/api/v1/par/2022/method')).json<MethodBody>();
    expect(y2022).toMatchObject({ year: 2022, version: 1, basis: 'copy', copiedFromYear: 2021, method: parMethod2021 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/par/2021/method' })).statusCode).toBe(401);
  });

  it('refuses a method whose staff items miss the group maximum, with a weight of 0 or a gap in the bands: 400, one detail per field, nothing saved', async () => {
    const m = copyParMethod(parMethod2021);
    m.staff.items = m.staff.items.filter((i) => i.code !== 'ORG_DECENTRALISATION');
    m.sipas.componentWeights.PA = 0;
    m.bands[4] = { band: 5, min: 10, inclusive: true };
    const res = await put(2030, { method: m });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('PAR_METHOD_INVALID');
    expect(error.message).toBe('Phương pháp tính Chỉ số CCHC không hợp lệ (xem từng trường trong chi tiết)');
    expect(error.details.map((d) => [d.field, d.reason])).toEqual([
      ['groups.district.staffSurveyMax', 'sum_mismatch'],
      ['sipas.componentWeights.PA', 'not_positive'],
      ['bands.4.min', 'gap'],
    ]);
    expect(error.details[0]).toMatchObject({ expected: 23, actual: 22 });
    expect(error.details[0]?.message).toContain('tổng điểm tối đa');
    expect(error.details[2]?.messageEn).toContain('bands must cover 0–100');
    const shape = await put(2030, { method: { ...m, bands: 'none' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
    expect(await t.app.db.select().from(schema.parMethods).where(eq(schema.parMethods.year, 2030))).toEqual([]);
    expect((await get('/api/v1/par/2030/method')).json<MethodBody>()).toMatchObject({ version: 1, basis: 'copy' });
  });

  it('applies the 2024 weights (1.5 / 1.5 / 2.5 / 2.5 / 2) and SIPAS maximum 10 to the year’s SIPAS and PAR table', async () => {
    const m = copyParMethod(parMethod2021);
    m.sipas.componentWeights = { TC: 1.5, TT: 1.5, CC: 2.5, KQ: 2.5, PA: 2 };
    m.groups.department = { selfAssessmentMax: 68, staffSurveyMax: 22, sipasMax: 10 };
    const saved = await put(2024, { method: m });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<MethodBody>()).toMatchObject({ year: 2024, version: 2, basis: 'edit', hasResults: false });

    const campaignId = await onlyAccessSatisfied(2024, 'ST16');
    const sipas = (await get(`/api/v1/campaigns/${campaignId}/sipas`)).json<{
      units: { unitCode: string; sipasPercent: number | null }[];
    }>();
    // Only TC (weight 1.5 of 10) is satisfied: 15 %, where equal weights would give 20 %.
    expect(sipas.units.find((u) => u.unitCode === 'ST16')?.sipasPercent).toBe(15);
    const csv = 'unit_code,self_assessment,max_points,staff_survey_points\nST16,50,100,20\n';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/par/2024/self-assessments',
          payload: csv,
          headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(201);
    const table = (await get('/api/v1/par/2024')).json<{
      units: { unitCode: string; sipasPoints: number; totalPoints: number }[];
    }>();
    // 15 % × 10 points = 1.5; 50 + 20 + 1.5 = 71.5.
    expect(table.units.find((u) => u.unitCode === 'ST16')).toMatchObject({ sipasPoints: 1.5, totalPoints: 71.5 });
  });

  it('asks for confirmation once the year has results, then saves a new version, audits it and rescores with the new bands', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/par/2025/self-assessments',
          payload: readFileSync(SAMPLE, 'utf8'),
          headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(201);
    await onlyAccessSatisfied(2025, 'ST16');
    const before = (await get('/api/v1/par/2025')).json<{ units: { unitCode: string; indexPercent: number; band: number }[] }>();
    const st16 = before.units.find((u) => u.unitCode === 'ST16')!;
    expect(st16.band).toBe(3);

    // 2025 started as a copy of 2024 (the latest earlier year); only its bands change.
    const current = (await get('/api/v1/par/2025/method')).json<MethodBody>();
    expect(current).toMatchObject({ basis: 'copy', copiedFromYear: 2024 });
    const m = copyParMethod(current.method);
    m.bands = [
      { band: 1, min: 70, inclusive: true },
      { band: 2, min: 0, inclusive: true },
    ];
    const refused = await put(2025, { method: m });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.code).toBe('PAR_METHOD_CONFIRM_REQUIRED');
    expect((await get('/api/v1/par/2025/method')).json<MethodBody>()).toMatchObject({ version: 1, hasResults: true });

    const confirmed = await put(2025, { method: m, confirm: true });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<MethodBody>()).toMatchObject({ version: 2, basis: 'edit' });
    const audit = await t.app.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'par_method.update'), eq(schema.auditLog.entityId, '2025')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ year: 2025, fromVersion: 1, version: 2, changed: ['bands'], withResults: true });
    const after = (await get('/api/v1/par/2025')).json<{ units: { unitCode: string; indexPercent: number; band: number }[] }>();
    const rescored = after.units.find((u) => u.unitCode === 'ST16')!;
    expect(rescored.indexPercent).toBe(st16.indexPercent);
    expect(rescored.band).toBe(st16.indexPercent >= 70 ? 1 : 2);
    const versions = await t.app.db.select().from(schema.parMethods).where(eq(schema.parMethods.year, 2025));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });
});
