/**
 * The enumerator's assignments say where to interview in words (hamlet, commune, district) and name
 * their forms in a few words: two assignments of one unit in different hamlets can be told apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { addLocality, assign, createEnumerator, createFieldCampaign, type FieldEnumerator } from './enumerator-fixtures.ts';

let t: TestApp;
let e: FieldEnumerator;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const campaignId = await createFieldCampaign(t);
  e = await createEnumerator(t);
  const commune = await addLocality(t, { level: 'commune', unitCode: 'ST34', name: 'Xã Mỹ Hương' });
  const phuoc = await addLocality(t, { level: 'hamlet', parentId: commune, name: 'Ấp Mỹ Phước' });
  const hoa = await addLocality(t, { level: 'hamlet', parentId: commune, name: 'Ấp Tân Hòa' });
  ids.phuoc = await assign(t, campaignId, e.id, 'ST34', 27, phuoc);
  ids.hoa = await assign(t, campaignId, e.id, 'ST34', 27, hoa);
  ids.commune = await assign(t, campaignId, e.id, 'ST34', 10, commune);
  ids.district = await assign(t, campaignId, e.id, 'ST35', 10);
  ids.department = await assign(t, campaignId, e.id, 'ST01', 10);
});
afterAll(async () => t?.close());

describe('GET /enumerator/assignments', () => {
  it('names the hamlet, commune and district of each assignment', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/enumerator/assignments', headers: { cookie: e.cookie } });
    expect(res.statusCode).toBe(200);
    const byId = new Map(
      res.json<{ assignments: Array<{ id: string; place: unknown }> }>().assignments.map((a) => [a.id, a.place]),
    );
    expect(byId.get(ids.phuoc ?? '')).toEqual({ hamlet: 'Ấp Mỹ Phước', commune: 'Xã Mỹ Hương', district: 'Huyện Mỹ Tú' });
    expect(byId.get(ids.hoa ?? '')).toEqual({ hamlet: 'Ấp Tân Hòa', commune: 'Xã Mỹ Hương', district: 'Huyện Mỹ Tú' });
    expect(byId.get(ids.commune ?? '')).toEqual({ hamlet: null, commune: 'Xã Mỹ Hương', district: 'Huyện Mỹ Tú' });
    expect(byId.get(ids.district ?? '')).toEqual({ hamlet: null, commune: null, district: 'Huyện Mỹ Xuyên' });
    expect(byId.get(ids.department ?? '')).toEqual({ hamlet: null, commune: null, district: null });
  });

  it('gives every form a short name in words', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/enumerator/assignments', headers: { cookie: e.cookie } });
    const forms =
      res.json<{ assignments: Array<{ forms: Array<{ code: string; shortTitle: { vi: string; en: string } }> }> }>()
        .assignments[0]?.forms ?? [];
    expect(forms.map((f) => [f.code, f.shortTitle.vi])).toEqual([
      ['01/2021-TT', 'Phiếu khảo sát trực tiếp – mẫu 01'],
      ['02/2021-DVCTT', 'Phiếu khảo sát dịch vụ công trực tuyến – mẫu 02'],
    ]);
  });
});
