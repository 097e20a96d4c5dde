/**
 * Lists and figures across the 2025 reorganisation: after the Sóc Trăng → Cần Thơ event file, a 2021
 * PAR table keeps the 2021 codes and names, a 2026 SIPAS campaign lists only 2026 units, a 2026
 * campaign is set up for the city's wards and communes from the registry alone (two-tier localities,
 * staff groups on commune-level units), year over year maps merged and split units through the
 * lineage, a rename keeps kiosks and links working, and work left on ended units is listed.
 */
import { readFileSync } from 'node:fs';
import type { ParTableBody, SamplingPlan, SipasComparison } from '@hailong/contracts';
import { FORM_CODES } from '@hailong/forms';
import { eq } from 'drizzle-orm';
import { schema } from '@hailong/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { findStoredForm } from '../src/features/forms/repo.ts';
import { createCampaign, insertResponses, randomAnswers, rng, type GeneratedResponse } from './aggregation-fixtures.ts';
import { assign, createEnumerator } from './enumerator-fixtures.ts';
import { kioskBody, pairKiosk, quickAnswers } from './kiosk-fixtures.ts';

const FIXTURE = readFileSync(new URL('../../test/fixtures/units/soctrang-to-cantho-2026.csv', import.meta.url), 'utf8');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('units over time in lists and figures', () => {
  let t: TestApp;
  let kioskAuth: Record<string, string>;
  let openAssignment: string;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    t = await buildTestApp();
    // Before the reorganisation: a counter tablet at Sở Xây dựng and an open field assignment at Huyện Kế Sách.
    kioskAuth = (await pairKiosk(t, { unitCode: 'ST16', counterName: 'Quầy Xây dựng' })).auth;
    const campaign = await createCampaign(
      t.app.db,
      'sipas',
      'SIPAS mở 2025',
      2025,
      new Date('2025-01-01T00:00:00Z'),
      new Date('2099-01-01T00:00:00Z'),
    );
    openAssignment = await assign(t, campaign, (await createEnumerator(t)).id, 'ST32', 30);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units/events?dryRun=false',
      headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
      payload: FIXTURE,
    });
    expect(res.statusCode).toBe(200);
    for (const u of await t.app.db.select({ id: schema.units.id, code: schema.units.code }).from(schema.units))
      ids.set(u.code, u.id);
  });
  afterAll(async () => t.close());

  const get = async <T>(url: string): Promise<T> => {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: { cookie: t.adminCookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('a 2021 PAR table still lists the 40 units of 2021 under their 2021 codes and names', async () => {
    const par = await get<ParTableBody>('/par/2021');
    const listed = [...par.units, ...par.incomplete];
    expect(listed).toHaveLength(40);
    expect(listed.every((u) => u.unitCode.startsWith('ST'))).toBe(true);
    expect(listed.find((u) => u.unitCode === 'ST26')?.unitName).toBe('Cục Thuế');
    expect(listed.find((u) => u.unitCode === 'ST34')).toMatchObject({ unitName: 'Huyện Mỹ Tú', group: 'district' });
  });

  /** Valid form-01 responses whose Likert answers are all `likert` (100 % satisfied for 5, 0 % for 1). */
  async function respond(campaignId: string, unitCode: string, n: number, likert: number, at: Date): Promise<void> {
    const form = (await findStoredForm(t.app.db, FORM_CODES.counter))!;
    const r = rng(n * 7 + likert);
    const rows: GeneratedResponse[] = Array.from({ length: n }, () => {
      const answers = randomAnswers(form.definition, r);
      for (const q of form.definition.sections.flatMap((s) => s.questions)) if (q.type === 'likert5') answers[q.id] = likert;
      return { campaignId, unitId: ids.get(unitCode) ?? 0, formId: form.id, answers, reviewState: 'valid', completedAt: at };
    });
    await insertResponses(t.app.db, rows);
  }

  it('a 2026 SIPAS campaign lists only 2026 units; year over year combines a merger and marks a split', async () => {
    const c2025 = await createCampaign(
      t.app.db,
      'sipas',
      'SIPAS 2025',
      2025,
      new Date('2025-03-01T00:00:00+07:00'),
      new Date('2025-04-01T00:00:00+07:00'),
    );
    const c2026 = await createCampaign(
      t.app.db,
      'sipas',
      'SIPAS 2026',
      2026,
      new Date('2026-03-01T00:00:00+07:00'),
      new Date('2026-04-01T00:00:00+07:00'),
    );
    await respond(c2025, 'ST05', 40, 5, new Date('2025-03-10T03:00:00Z'));
    await respond(c2025, 'ST16', 60, 1, new Date('2025-03-10T03:00:00Z'));
    await respond(c2025, 'ST38', 50, 5, new Date('2025-03-10T03:00:00Z'));
    await respond(c2026, 'CT05', 50, 5, new Date('2026-03-10T03:00:00Z'));
    const sipas = await get<{ units: { unitCode: string }[] }>(`/campaigns/${c2026}/sipas`);
    expect(sipas.units).toHaveLength(50);
    expect(sipas.units.every((u) => u.unitCode.startsWith('CT'))).toBe(true);

    const cmp = await get<SipasComparison>('/par/2026/sipas-comparison');
    const merged = cmp.units.find((u) => u.unitCode === 'CT05');
    expect(merged).toMatchObject({
      sipasPercent: 100,
      previous: { basis: 'merged', sipasPercent: 40, validForms: 100 },
      changePoints: 60,
    });
    expect(merged?.previous.from.map((f) => [f.unitCode, f.sipasPercent, f.validForms])).toEqual([
      ['ST05', 100, 40],
      ['ST16', 0, 60],
    ]);
    for (const code of ['CTP02', 'CTP03']) {
      expect(cmp.units.find((u) => u.unitCode === code)?.previous).toMatchObject({
        basis: 'split',
        sipasPercent: 100,
        note: 'Số liệu của đơn vị trước khi tách',
        from: [{ unitCode: 'ST38', unitName: 'Thành phố Sóc Trăng' }],
      });
    }
    // A unit whose predecessor had no 2025 responses is compared with nothing, never with zero.
    expect(cmp.units.find((u) => u.unitCode === 'CT14')?.previous).toMatchObject({ basis: 'merged', sipasPercent: null });
    const cmp2025 = await get<SipasComparison>('/par/2025/sipas-comparison');
    expect(cmp2025.units.find((u) => u.unitCode === 'ST05')?.previous.basis).toBe('none');
  });

  it('sets a 2026 campaign up for the city from the registry alone: ward villages, staff groups on communes', async () => {
    const campaign = await createCampaign(
      t.app.db,
      'sipas',
      'SIPAS Cần Thơ 2026',
      2026,
      new Date('2026-10-01T00:00:00+07:00'),
      new Date('2026-11-01T00:00:00+07:00'),
    );
    const wb = new ExcelJS.Workbook();
    const targets = wb.addWorksheet('Chỉ tiêu');
    targets.addRow(['unit_code', 'target']);
    for (const code of ['CT05', 'CTP02', 'CTX11']) targets.addRow([code, 50]);
    const places = wb.addWorksheet('Địa bàn');
    places.addRow(['district_code', 'commune', 'hamlet', 'quota']);
    places.addRow(['CTP02', '', 'Khóm 1', 27]);
    places.addRow(['CTP02', '', 'Khóm 2', 27]);
    places.addRow(['CTX11', '', 'Ấp Phước Thọ', 30]);
    const upload = (url: string, payload: Buffer | string, type: string) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: t.adminCookie, 'content-type': type }, payload });
    const res = await upload(`/api/v1/campaigns/${campaign}/sampling-plan.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(res.statusCode, res.body).toBe(200);
    const plan = await get<SamplingPlan>(`/campaigns/${campaign}/sampling-plan`);
    expect(plan.districts.some((d) => d.unitCode.startsWith('ST'))).toBe(false);
    expect(plan.districts.find((d) => d.unitCode === 'CTP02')).toMatchObject({
      tier: 'commune',
      unitName: 'Phường Phú Lợi',
      communes: [],
      hamlets: [
        { name: 'Khóm 1', quota: 27 },
        { name: 'Khóm 2', quota: 27 },
      ],
    });
    expect(plan.localityTotals).toEqual({ communes: 2, hamlets: 3, quota: 84 });
    // An old district in the same file is refused: it does not exist on the campaign's day.
    places.addRow(['ST32', 'Xã Đại Hải', 'Ấp 1', 27]);
    const stale = await upload(
      `/api/v1/campaigns/${campaign}/sampling-plan.xlsx?dryRun=1`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(stale.json<{ errors: { column: string }[] }>().errors.map((e) => e.column)).toEqual(['district_code']);

    const staff = await createCampaign(
      t.app.db,
      'staff',
      'CBCCVC Cần Thơ 2026',
      2026,
      new Date('2026-10-01T00:00:00+07:00'),
      new Date('2026-11-01T00:00:00+07:00'),
    );
    const csv =
      'full_name,email,unit_code,respondent_group\nLê Văn A,a@cantho.gov.vn,CTX11,T5\nTrần Thị B,b@cantho.gov.vn,CTP02,T4\nNguyễn C,c@cantho.gov.vn,CT08,T3\nPhạm D,d@cantho.gov.vn,CT05,T1\n';
    const imported = await upload(`/api/v1/campaigns/${staff}/respondents`, csv, 'text/csv');
    expect(imported.statusCode, imported.body).toBeLessThan(300);
    const wrong = await upload(
      `/api/v1/campaigns/${staff}/respondents?dryRun=true`,
      'full_name,email,unit_code,respondent_group\nX,x@cantho.gov.vn,CTP03,T3\nY,y@cantho.gov.vn,ST09,T3\n',
      'text/csv',
    );
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong.json<{ error: { details: { row: number; field: string }[] } }>().error.details.map((d) => [d.row, d.field]),
    ).toEqual([
      [2, 'respondent_group'],
      [3, 'unit_code'],
    ]);
    const hamlet = await t.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: { cookie: t.adminCookie },
      payload: { level: 'hamlet', unitCode: 'CTX12', name: 'Ấp Long Hưng' },
    });
    expect(hamlet.statusCode).toBe(201);
    const commune = await t.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: { cookie: t.adminCookie },
      payload: { level: 'commune', unitCode: 'CTX12', name: 'Xã con' },
    });
    expect(commune.json<{ error: { code: string } }>().error.code).toBe('LOCALITY_PARENT_INVALID');
  });

  it('a rename keeps the kiosk paired and the unit link working; ended units list their devices and open assignments', async () => {
    const open = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: { cookie: t.adminCookie },
      payload: { kind: 'sipas', name: 'SIPAS mở', year: 2026, opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    });
    const health = await pairKiosk(t, { unitCode: 'CT17', counterName: 'Quầy Y tế' });
    const slips = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${open.json<{ id: string }>().id}/rating-codes`,
      headers: { cookie: t.adminCookie },
      payload: { unitCode: 'CT17', count: 1 },
    });
    const [slip = ''] = slips.json<{ codes: string[] }>().codes;
    const rename =
      'event,from_codes,to_codes,name,group,effective_date,basis\nrename,CT17,CT17,Sở Y tế TP. Cần Thơ,,2026-06-01,QĐ 9/2026\n';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/units/events?dryRun=false',
          headers: { cookie: t.adminCookie, 'content-type': 'text/csv' },
          payload: rename,
        })
      ).statusCode,
    ).toBe(200);
    const link = await t.app.inject({ url: '/api/v1/o/CT17' });
    expect(link.statusCode).toBe(200);
    expect(link.body).toContain('Sở Y tế TP. Cần Thơ');
    // The tablet paired and the slip code printed before the rename still work after it.
    const rated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      headers: health.auth,
      payload: kioskBody(quickAnswers(4), new Date(), { ratingCode: slip }),
    });
    expect(rated.statusCode, rated.body).toBeLessThan(300);

    const orphans = await get<{
      kiosks: { unitCode: string; successors: string[] }[];
      assignments: { id: string; unitCode: string; successors: string[] }[];
    }>('/units/orphaned-work?asOf=2026-01-01');
    expect(orphans.kiosks).toEqual([
      expect.objectContaining({ unitCode: 'ST16', counterName: 'Quầy Xây dựng', successors: ['CT05'] }),
    ]);
    expect(orphans.assignments).toEqual([
      expect.objectContaining({ id: openAssignment, unitCode: 'ST32', successors: ['CTX06', 'CTX07', 'CTX08'] }),
    ]);
    // The old unit's tablet still works until it is moved; its responses keep the unit they were given to.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      headers: kioskAuth,
      payload: kioskBody(quickAnswers(5), new Date()),
    });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    const stored = await t.app.db
      .select({ unitId: schema.responses.unitId })
      .from(schema.responses)
      .where(eq(schema.responses.channel, 'kiosk'));
    expect(stored.map((r) => r.unitId).sort()).toEqual([ids.get('ST16'), ids.get('CT17')].sort());
  });
});
