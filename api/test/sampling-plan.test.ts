/**
 * Sampling plan of a SIPAS campaign through HTTP on a real database: XLSX import (all or nothing,
 * dry run, idempotent re-import), the plan read-back, hamlet quotas and the template download.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanError, PlanImportResult, SamplingPlan } from '@hailong/contracts';
import { planWorkbook, type PlanWorkbookInput } from '@hailong/api';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { createFieldCampaign } from './enumerator-fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CODES = Array.from({ length: 40 }, (_, i) => `ST${String(i + 1).padStart(2, '0')}`);

/** 2,005 forms over 40 units: 51 for the first five, 50 for the others. */
function plan2021(): PlanWorkbookInput {
  return {
    targets: CODES.map((unitCode, i) => ({ unitCode, target: i < 5 ? 51 : 50 })),
    localities: ['Phú Tân', 'Thuận Hòa', 'An Hiệp'].flatMap((commune) =>
      ['Ấp 1', 'Ấp 2'].map((hamlet, j) => ({ districtCode: 'ST30', commune, hamlet, quota: j === 0 ? 27 : null })),
    ),
  };
}

describe('sampling plan', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(async () => t.close());

  const upload = (campaignId: string, body: Buffer, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/sampling-plan.xlsx${query}`,
      headers: { cookie: t.adminCookie, 'content-type': XLSX },
      payload: body,
    });
  const readPlan = async (campaignId: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/sampling-plan`,
      headers: { cookie: t.adminCookie },
    });
    expect(res.statusCode).toBe(200);
    return res.json<SamplingPlan>();
  };

  it('imports 2,005 forms over 40 units and 3 communes × 2 hamlets × 27, and reads them back', async () => {
    const id = await createFieldCampaign(t);
    const res = await upload(id, await planWorkbook(plan2021()));
    expect(res.statusCode).toBe(200);
    expect(res.json<PlanImportResult>()).toMatchObject({
      ok: true,
      dryRun: false,
      units: 40,
      total: 2005,
      localities: { communes: 3, hamlets: 6, quota: 162 },
    });
    const plan = await readPlan(id);
    expect(plan.units).toHaveLength(40);
    expect(plan.totals).toEqual({ target: 2005, collected: 0, valid: 0 });
    expect(plan.units.find((u) => u.unitCode === 'ST01')).toMatchObject({ unitName: 'Ban Dân tộc', target: 51, dossiers: null });
    const district = plan.districts.find((d) => d.unitCode === 'ST30');
    expect(district?.communes.map((c) => c.name).sort()).toEqual(['An Hiệp', 'Phú Tân', 'Thuận Hòa']);
    expect(district?.communes.flatMap((c) => c.hamlets.map((h) => h.quota))).toEqual([27, 27, 27, 27, 27, 27]);
    expect(plan.localityTotals).toEqual({ communes: 3, hamlets: 6, quota: 162 });
    expect(plan.districts.map((d) => d.unitCode)).toContain('ST40');
  });

  it('expresses the 2024 provincial sample: 3 districts × 3 communes × 2 hamlets × 27 forms = 486 in 18 hamlets', async () => {
    const id = await createFieldCampaign(t);
    const districts = ['ST32', 'ST33', 'ST37'];
    const localities = districts.flatMap((districtCode) =>
      ['Xã Một', 'Xã Hai', 'Thị trấn'].flatMap((commune) =>
        ['Ấp A', 'Ấp B'].map((hamlet) => ({ districtCode, commune, hamlet, quota: 27 })),
      ),
    );
    const file = await planWorkbook({ targets: districts.map((unitCode) => ({ unitCode, target: 162 })), localities });
    const res = await upload(id, file);
    expect(res.statusCode).toBe(200);
    expect(res.json<PlanImportResult>()).toMatchObject({
      ok: true,
      units: 3,
      total: 486,
      localities: { communes: 9, hamlets: 18, quota: 486 },
    });
    const plan = await readPlan(id);
    expect(plan.localityTotals).toEqual({ communes: 9, hamlets: 18, quota: 486 });
    for (const code of districts) {
      const d = plan.districts.find((x) => x.unitCode === code);
      expect(d?.communes).toHaveLength(3);
      expect(d?.communes.flatMap((c) => c.hamlets.map((h) => h.quota))).toEqual(Array(6).fill(27));
    }
    expect(plan.totals.target).toBe(486);
  });

  it('computes a target from the dossiers N with the margin given (N = 12,000 → 388 at 5%, 100 at 10%)', async () => {
    const id = await createFieldCampaign(t);
    const file = await planWorkbook({
      targets: [
        { unitCode: 'ST09', dossiers: 12000 },
        { unitCode: 'ST10', target: 7, dossiers: 12000 },
      ],
      localities: null,
    });
    expect((await upload(id, file)).json<PlanImportResult>().total).toBe(388 + 7);
    expect((await upload(id, file, '?margin=0.1')).json<PlanImportResult>().total).toBe(100 + 7);
    const plan = await readPlan(id);
    expect(plan.units.map((u) => [u.unitCode, u.target, u.dossiers])).toEqual([
      ['ST09', 100, 12000],
      ['ST10', 7, null],
    ]);
  });

  it('rejects a file with bad rows with 400 listing each error by sheet, row and column, and writes nothing', async () => {
    const id = await createFieldCampaign(t);
    const file = await planWorkbook({
      targets: [
        { unitCode: 'ST01', target: 10 },
        { unitCode: 'XX99', target: 5 },
        { unitCode: 'ST01', target: 3 },
        { unitCode: 'ST02' },
      ],
      localities: [
        { districtCode: 'ST01', commune: 'Xã A', hamlet: 'Ấp 1' },
        { districtCode: 'ST30', commune: '', hamlet: 'Ấp 2' },
      ],
    });
    const res = await upload(id, file);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: PlanError[] } }>();
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.details.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Chỉ tiêu', 3, 'unit_code'],
      ['Chỉ tiêu', 4, 'unit_code'],
      ['Chỉ tiêu', 5, 'target'],
      ['Địa bàn', 2, 'district_code'],
      ['Địa bàn', 3, 'commune'],
    ]);
    expect(body.error.details.every((e) => e.message.length > 0 && e.messageEn.length > 0)).toBe(true);
    const plan = await readPlan(id);
    expect(plan.units).toEqual([]);
    expect(plan.districts.find((d) => d.unitCode === 'ST30')?.communes.map((c) => c.name) ?? []).not.toContain('Xã A');
  });

  it('dry run reports the same errors or totals with 200 and writes nothing', async () => {
    const id = await createFieldCampaign(t);
    const bad = await planWorkbook({ targets: [{ unitCode: 'ST01', target: -1 }], localities: null });
    const dryBad = await upload(id, bad, '?dryRun=1');
    expect(dryBad.statusCode).toBe(200);
    expect(dryBad.json<PlanImportResult>()).toMatchObject({
      dryRun: true,
      ok: false,
      errors: [{ sheet: 'Chỉ tiêu', row: 2, column: 'target' }],
    });
    const good = await upload(id, await planWorkbook(plan2021()), '?dryRun=1');
    expect(good.json<PlanImportResult>()).toMatchObject({ dryRun: true, ok: true, units: 40, total: 2005 });
    expect((await readPlan(id)).units).toEqual([]);
  });

  it('dry run of a plan with 250 bad rows lists the first 200 errors and counts them all', async () => {
    const id = await createFieldCampaign(t);
    const targets = Array.from({ length: 250 }, (_, i) => ({ unitCode: `XX${i}`, target: 10 }));
    const res = await upload(id, await planWorkbook({ targets, localities: null }), '?dryRun=1');
    expect(res.statusCode).toBe(200);
    const body = res.json<PlanImportResult>();
    expect(body).toMatchObject({ ok: false, errorsTotal: 250 });
    expect(body.errors).toHaveLength(200);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'unit_code' });
  });

  it('re-importing replaces the plan: same file twice changes nothing, a smaller file drops what it omits', async () => {
    const id = await createFieldCampaign(t);
    const file = await planWorkbook(plan2021());
    await upload(id, file);
    const first = await readPlan(id);
    expect((await upload(id, file)).statusCode).toBe(200);
    expect(await readPlan(id)).toEqual(first);
    const smaller = await planWorkbook({
      targets: [{ unitCode: 'ST01', target: 100 }],
      localities: [{ districtCode: 'ST30', commune: 'Phú Tân', hamlet: 'Ấp 1', quota: 30 }],
    });
    await upload(id, smaller);
    const after = await readPlan(id);
    expect(after.totals.target).toBe(100);
    expect(after.localityTotals).toEqual({ communes: 1, hamlets: 1, quota: 30 });
    const sameIds = first.districts.flatMap((d) => d.communes.flatMap((c) => c.hamlets.map((h) => h.id)));
    const afterIds = after.districts.flatMap((d) => d.communes.flatMap((c) => c.hamlets.map((h) => h.id)));
    expect(afterIds.sort()).toEqual(sameIds.sort());
  });

  it('a workbook without locality rows keeps the campaign hamlet sample', async () => {
    const id = await createFieldCampaign(t);
    await upload(id, await planWorkbook(plan2021()));
    await upload(id, await planWorkbook({ targets: [{ unitCode: 'ST02', target: 9 }], localities: [] }));
    const plan = await readPlan(id);
    expect(plan.totals.target).toBe(9);
    expect(plan.localityTotals.hamlets).toBe(6);
  });

  it('hamlet quotas default to 27, can be changed and removed; communes get none', async () => {
    const id = await createFieldCampaign(t);
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/localities', headers: { cookie: t.adminCookie }, payload });
    const commune = (await post({ level: 'commune', unitCode: 'ST31', name: `Xã ${randomUUID().slice(0, 6)}` })).json<{
      id: number;
    }>();
    const hamlet = (await post({ level: 'hamlet', parentId: commune.id, name: 'Ấp Chợ' })).json<{ id: number }>();
    const put = (localityId: number, payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/campaigns/${id}/sampling-plan/hamlets/${localityId}`,
        headers: { cookie: t.adminCookie },
        payload,
      });
    expect((await put(hamlet.id, {})).json()).toEqual({ localityId: hamlet.id, quota: 27 });
    expect((await put(hamlet.id, { quota: 40 })).json()).toEqual({ localityId: hamlet.id, quota: 40 });
    expect((await readPlan(id)).localityTotals).toEqual({ communes: 1, hamlets: 1, quota: 40 });
    const onCommune = await put(commune.id, {});
    expect([onCommune.statusCode, onCommune.json<{ error: { code: string } }>().error.code]).toEqual([
      400,
      'LOCALITY_NOT_HAMLET',
    ]);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/campaigns/${id}/sampling-plan/hamlets/${hamlet.id}`,
      headers: { cookie: t.adminCookie },
    });
    expect(del.statusCode).toBe(204);
    const tree = await readPlan(id);
    expect(tree.localityTotals.hamlets).toBe(0);
    expect(tree.districts.find((d) => d.unitCode === 'ST31')?.communes.find((c) => c.id === commune.id)?.hamlets).toEqual([
      { id: hamlet.id, name: 'Ấp Chợ', quota: null, collected: 0 },
    ]);
  });

  it('refuses plans for staff campaigns with 409 CAMPAIGN_NOT_SIPAS', async () => {
    const id = await createFieldCampaign(t, { kind: 'staff' });
    const res = await upload(id, await planWorkbook(plan2021()));
    expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([409, 'CAMPAIGN_NOT_SIPAS']);
  });

  it('serves a template listing every unit that imports back as an empty-target error list', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sampling-plan-template.xlsx',
      headers: { cookie: t.adminCookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chỉ tiêu', 'Địa bàn', 'Hướng dẫn']);
    expect(wb.getWorksheet('Chỉ tiêu')?.rowCount).toBe(41);
    const id = await createFieldCampaign(t);
    const dry = (await upload(id, res.rawPayload, '?dryRun=1')).json<PlanImportResult>();
    expect(dry.errors).toHaveLength(40);
    expect(dry.errors[0]).toMatchObject({ sheet: 'Chỉ tiêu', row: 2, column: 'target' });
  });

  it('answers 415 to a non-XLSX body and 401 without a login', async () => {
    const id = await createFieldCampaign(t);
    const csv = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/sampling-plan.xlsx`,
      headers: { cookie: t.adminCookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(csv.statusCode).toBe(415);
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/sampling-plan` });
    expect(anon.statusCode).toBe(401);
  });
});
