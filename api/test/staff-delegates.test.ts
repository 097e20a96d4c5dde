/**
 * A respondent who counts for several units (issue 12 item 4, docs/0018): People's Council
 * delegates (T1) rate departments and districts. The import names the rated units per row, the
 * personal link asks one answer set per rated unit and stores one unlinkable response per unit in
 * one transaction, and each set counts for its unit in the PAR staff points.
 */
import { FORM_CODES } from '@hailong/forms';
import { schema } from '@hailong/db';
import { invitationToken } from '@hailong/runtime';
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { respondentXlsx } from '../../test/support/respondent-files.ts';
import { findStoredForm } from '../src/features/forms/repo.ts';
import { createCampaign, insertResponses, type GeneratedResponse } from './aggregation-fixtures.ts';

const SECRET = 'staff-delegates-test-secret-0123456789abcdef';
let t: TestApp;

beforeAll(async () => {
  // Three answer sets per unit are enough to show its staff points (SUPPRESS_MIN_CELL's lowest value).
  t = await buildTestApp({ tokenSecret: SECRET, suppressMinCell: 3 });
});
afterAll(async () => {
  await t?.close();
});

type Form = { sections: { questions: { id: string }[] }[] };
type Link = {
  form: Form;
  answers: Record<string, unknown>;
  ratedUnits: { code: string; name: string }[];
  unitAnswers: Record<string, Record<string, unknown>>;
};
type ErrorBody = { error: { code: string; details: { unitCode?: string; code: string; message: { vi: string } | string }[] } };

const admin = (method: 'GET' | 'POST', url: string, payload?: unknown, type?: string) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: t.adminCookie, ...(type ? { 'content-type': type } : {}) },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });

async function newCampaign(name: string, opensAt = '2021-01-01T00:00:00Z'): Promise<string> {
  const res = await admin('POST', '/api/v1/campaigns', {
    kind: 'staff',
    name,
    year: 2021,
    opensAt,
    closesAt: '2099-01-01T00:00:00Z',
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

const upload = (id: string, csv: string, query = '') =>
  admin('POST', `/api/v1/campaigns/${id}/respondents${query}`, csv, 'text/csv');

/** Invites everyone and returns each respondent's link token by email (derived as the worker does). */
async function invite(id: string): Promise<Map<string, string>> {
  expect((await admin('POST', `/api/v1/campaigns/${id}/invitations/send`)).statusCode).toBe(202);
  const rows = await t.app.db
    .select({ id: schema.invitations.id, email: schema.respondents.email })
    .from(schema.invitations)
    .innerJoin(schema.respondents, eq(schema.respondents.id, schema.invitations.respondentId))
    .where(eq(schema.invitations.campaignId, id));
  return new Map(rows.map((r) => [r.email, invitationToken(SECRET, r.id)]));
}

const open = async (token: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/s/${token}` });
  expect(res.statusCode).toBe(200);
  return res.json<Link>();
};
const submit = (token: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: payload as string });

/** Every question answered with the same letter (A = 100 %, B 60, C 20, D 0, E not assessed). */
const allLetter = (form: Form, letter: string) =>
  Object.fromEntries(form.sections.flatMap((s) => s.questions.map((q) => [q.id, letter])));

async function staffResponses(campaignId: string) {
  return t.app.db
    .select({
      unitCode: schema.units.code,
      sourceId: schema.responses.sourceId,
      startedAt: schema.responses.startedAt,
      completedAt: schema.responses.completedAt,
    })
    .from(schema.responses)
    .innerJoin(schema.units, eq(schema.units.id, schema.responses.unitId))
    .where(and(eq(schema.responses.campaignId, campaignId), eq(schema.responses.channel, 'email')));
}

const HEADER = 'full_name,email,unit_code,respondent_group,rated_units';

describe('importing respondents who rate several units', () => {
  it('previews the rated units of each delegate, stores them, and defaults everyone else to their own unit', async () => {
    const id = await newCampaign('delegates import');
    const csv = [
      HEADER,
      'Đại biểu Một,db1@example.vn,ST30,T1,"ST16; ST03,st30"',
      'Đại biểu Hai,db2@example.vn,ST31,T1,',
      'Trưởng phòng Ba,tp3@example.vn,ST16,T2,ST16',
      'Viên chức Bốn,vc4@example.vn,ST20,T6,',
    ].join('\n');
    const dry = await upload(id, csv, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    const preview = dry.json<{
      byUnit: { key: string; count: number }[];
      byRatedUnit: { key: string; count: number; name?: string }[];
      multiUnit: { row: number; fullName: string; ratedUnits: string[] }[];
      multiUnitCount: number;
    }>();
    expect(preview.multiUnit).toEqual([{ row: 2, fullName: 'Đại biểu Một', ratedUnits: ['ST16', 'ST03', 'ST30'] }]);
    expect(preview.multiUnitCount).toBe(1);
    expect(preview.byRatedUnit.map((u) => [u.key, u.count])).toEqual([
      ['ST03', 1],
      ['ST16', 2],
      ['ST20', 1],
      ['ST30', 1],
      ['ST31', 1],
    ]);
    expect(preview.byUnit.reduce((s, u) => s + u.count, 0)).toBe(4);
    expect((await upload(id, csv)).statusCode).toBe(201);

    const rated = await t.app.db.execute<{ email: string; codes: string }>(sql`
      select r.email, string_agg(u.code, ' ' order by ru.position) as codes
      from respondents r join respondent_units ru on ru.respondent_id = r.id join units u on u.id = ru.unit_id
      where r.campaign_id = ${id} group by r.email order by r.email`);
    expect(rated.rows).toEqual([
      { email: 'db1@example.vn', codes: 'ST16 ST03 ST30' },
      { email: 'db2@example.vn', codes: 'ST31' },
      { email: 'tp3@example.vn', codes: 'ST16' },
      { email: 'vc4@example.vn', codes: 'ST20' },
    ]);
    // Re-importing the same file changes nothing: every address is already in the campaign.
    expect((await upload(id, csv)).statusCode).toBe(400);
    const count = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from respondent_units ru join respondents r on r.id = ru.respondent_id where r.campaign_id = ${id}`,
    );
    expect(count.rows[0]?.n).toBe(6);
  });

  it('refuses, per cell, unknown codes, units the template does not rate, repeats, and own-unit templates rating others', async () => {
    const id = await newCampaign('delegates bad cells');
    const csv = [
      HEADER,
      'Đại biểu Một,db1@example.vn,ST30,T1,ST16;XX99',
      'Đại biểu Hai,db2@example.vn,ST30,T1,ST16;ST20',
      'Đại biểu Ba,db3@example.vn,ST30,T1,ST16;ST16',
      'Trưởng phòng Bốn,tp4@example.vn,ST16,T2,ST16;ST03',
    ].join('\n');
    const res = await upload(id, csv);
    expect(res.statusCode).toBe(400);
    const details = res.json<{ error: { code: string; details: { row: number; field: string; message: string }[] } }>().error;
    expect(details.code).toBe('IMPORT_INVALID');
    const byRow = (row: number) =>
      details.details.filter((d) => d.row === row && d.field === 'rated_units').map((d) => d.message);
    expect(byRow(2).join(' ')).toContain('XX99');
    expect(byRow(3).join(' ')).toMatch(/ST20.*đơn vị sự nghiệp công lập/);
    expect(byRow(4).join(' ')).toContain('lặp lại');
    expect(byRow(5).join(' ')).toContain('chỉ đánh giá đơn vị của mình');
    const n = await t.app.db.execute<{ n: number }>(sql`select count(*)::int as n from respondents where campaign_id = ${id}`);
    expect(n.rows[0]?.n).toBe(0);
  });
});

describe('importing rated units from an Excel (.xlsx) file', () => {
  const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const uploadXlsx = async (id: string, rows: string[][]) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/respondents`,
      headers: { cookie: t.adminCookie, 'content-type': XLSX_TYPE },
      payload: await respondentXlsx(rows, HEADER.split(',')),
    });
  const ratedCodes = (id: string) =>
    t.app.db.execute<{ email: string; codes: string }>(sql`
      select r.email, string_agg(u.code, ' ' order by ru.position) as codes
      from respondents r join respondent_units ru on ru.respondent_id = r.id join units u on u.id = ru.unit_id
      where r.campaign_id = ${id} group by r.email order by r.email`);

  it('stores each delegate’s rated units in the order of the cell, and everyone else rates their own unit', async () => {
    const id = await newCampaign('delegates xlsx');
    const res = await uploadXlsx(id, [
      ['Đại biểu Năm', 'db5@example.vn', 'ST30', 'T1', 'ST16; ST03,st30'],
      ['Đại biểu Sáu', 'db6@example.vn', 'ST31', 'T1', ''],
      ['Trưởng phòng Bảy', 'tp7@example.vn', 'ST16', 'T2', 'ST16'],
    ]);
    expect(res.statusCode).toBe(201);
    const body = res.json<{
      imported: number;
      multiUnit: { row: number; fullName: string; ratedUnits: string[] }[];
      multiUnitCount: number;
    }>();
    expect(body).toMatchObject({ imported: 3, multiUnitCount: 1 });
    expect(body.multiUnit).toEqual([{ row: 2, fullName: 'Đại biểu Năm', ratedUnits: ['ST16', 'ST03', 'ST30'] }]);
    expect((await ratedCodes(id)).rows).toEqual([
      { email: 'db5@example.vn', codes: 'ST16 ST03 ST30' },
      { email: 'db6@example.vn', codes: 'ST31' },
      { email: 'tp7@example.vn', codes: 'ST16' },
    ]);
  });

  it('refuses a bad rated-units cell at its sheet row and writes nothing', async () => {
    const id = await newCampaign('delegates xlsx bad');
    const res = await uploadXlsx(id, [
      ['Đại biểu Tám', 'db8@example.vn', 'ST30', 'T1', 'ST16;ST03'],
      ['Đại biểu Chín', 'db9@example.vn', 'ST30', 'T1', 'ST16;XX99'],
    ]);
    expect(res.statusCode).toBe(400);
    const error = res.json<{ error: { code: string; details: { row: number; field: string; message: string }[] } }>().error;
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details.filter((d) => d.field === 'rated_units').map((d) => d.row)).toEqual([3]);
    expect(error.details.find((d) => d.field === 'rated_units')?.message).toContain('XX99');
    expect((await ratedCodes(id)).rows).toEqual([]);
  });
});

describe('migration 0028', () => {
  it('gives every respondent written before it their own unit as the one they rate, once', async () => {
    const file = new URL('../../db/migrations/0028_respondent-rated-units.sql', import.meta.url);
    const backfill = readFileSync(file, 'utf8').split('-- Backfill')[1]?.split('\n').slice(1).join('\n') ?? '';
    expect(backfill).toContain('INSERT INTO "respondent_units"');
    const id = await newCampaign('before 0028');
    // Respondents as the old import wrote them: no rated units.
    const old = await t.app.db.execute<{ id: string }>(sql`
      insert into respondents (campaign_id, full_name, email, unit_id, respondent_group)
      select ${id}, 'Người cũ ' || u.code, lower(u.code) || '@example.vn', u.id, 'T2'
        from units u where u.code in ('ST03', 'ST16') returning id`);
    expect(old.rows).toHaveLength(2);
    const rated = () =>
      t.app.db.execute<{ email: string; code: string; position: number }>(sql`
        select r.email, u.code, ru.position from respondent_units ru
          join respondents r on r.id = ru.respondent_id join units u on u.id = ru.unit_id
         where r.campaign_id = ${id} order by r.email`);
    expect((await rated()).rows).toEqual([]);
    await t.app.db.execute(sql.raw(backfill));
    const expected = [
      { email: 'st03@example.vn', code: 'ST03', position: 0 },
      { email: 'st16@example.vn', code: 'ST16', position: 0 },
    ];
    expect((await rated()).rows).toEqual(expected);
    await t.app.db.execute(sql.raw(backfill));
    expect((await rated()).rows).toEqual(expected);
  });
});

describe('a delegate answering for three units', () => {
  it('asks one answer set per unit, keeps the draft of each, and stores one unlinkable response per unit at once', async () => {
    const id = await newCampaign('delegates link');
    expect(
      (
        await upload(
          id,
          [HEADER, 'Đại biểu Một,db1@example.vn,ST30,T1,ST16;ST03;ST30', 'Cán bộ Hai,cb2@example.vn,ST16,T2,'].join('\n'),
        )
      ).statusCode,
    ).toBe(201);
    const tokens = await invite(id);
    const token = tokens.get('db1@example.vn')!;
    const link = await open(token);
    expect(link.ratedUnits.map((u) => u.code)).toEqual(['ST16', 'ST03', 'ST30']);
    expect(link.unitAnswers).toEqual({});
    const a = allLetter(link.form, 'A');
    const b = allLetter(link.form, 'B');

    const draft = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/s/${token}/draft`,
      payload: { unitAnswers: { ST16: a, ST03: { LD_CONSISTENCY: 'C' } } },
    });
    expect(draft.statusCode).toBe(200);
    expect((await open(token)).unitAnswers).toEqual({ ST16: a, ST03: { LD_CONSISTENCY: 'C' } });

    // One unit unanswered and one not rated by this delegate: nothing is stored, each problem names its unit.
    const bad = await submit(token, { unitAnswers: { ST16: a, ST03: b, ST05: a } });
    expect(bad.statusCode).toBe(400);
    const err = bad.json<ErrorBody>().error;
    expect(err.code).toBe('ANSWERS_INVALID');
    expect(err.details.map((d) => [d.unitCode, d.code]).sort()).toEqual([
      ['ST05', 'NOT_RATED'],
      ['ST30', 'REQUIRED'],
    ]);
    const incomplete = await submit(token, { unitAnswers: { ST16: a, ST03: { LD_CONSISTENCY: 'A' }, ST30: b } });
    expect(incomplete.statusCode).toBe(400);
    expect(new Set(incomplete.json<ErrorBody>().error.details.map((d) => d.unitCode))).toEqual(new Set(['ST03']));
    expect(await staffResponses(id)).toEqual([]);

    const ok = await submit(token, { unitAnswers: { ST16: a, ST03: b, ST30: allLetter(link.form, 'E') } });
    expect(ok.statusCode).toBe(201);
    expect(Object.keys(ok.json<Record<string, unknown>>())).toEqual(['completedAt']);
    const stored = await staffResponses(id);
    expect(stored.map((r) => r.unitCode).sort()).toEqual(['ST03', 'ST16', 'ST30']);
    for (const r of stored) {
      expect(r.sourceId).toBeNull();
      expect(r.startedAt).toBeNull();
      // The Vietnam day only (midnight UTC+7), as for any staff answer (docs/0012).
      expect(r.completedAt?.toISOString()).toMatch(/T17:00:00\.000Z$/);
    }
    expect((await submit(token, { unitAnswers: { ST16: a, ST03: b, ST30: b } })).statusCode).toBe(409);
    expect(await staffResponses(id)).toHaveLength(3);

    // Response rates count people, not answer sets: one of two invited has answered.
    const rr = (await admin('GET', `/api/v1/campaigns/${id}/response-rates`)).json<{
      overall: { invited: number; completed: number; rate: number };
    }>();
    expect(rr.overall).toMatchObject({ invited: 2, completed: 1, rate: 50 });

    // A respondent of one unit still answers with the flat `answers` shape.
    const single = tokens.get('cb2@example.vn')!;
    const one = await open(single);
    expect(one.ratedUnits.map((u) => u.code)).toEqual(['ST16']);
    expect((await submit(single, { answers: allLetter(one.form, 'A') })).statusCode).toBe(201);
  });
});

type ParBody = { units: { unitCode: string; staffSurveyPoints: number; staffSource: string }[] };

describe('staff points of the units a delegate rates', () => {
  const units = ['ST03', 'ST05', 'ST20', 'ST24', 'ST30'];

  beforeAll(async () => {
    // Self-assessments and a SIPAS sample so the units appear in the PAR table; staff points come from the survey.
    const self = ['unit_code,self_assessment,max_points', ...units.map((u) => `${u},50,100`)].join('\n');
    expect((await admin('POST', '/api/v1/par/2021/self-assessments', self, 'text/csv')).statusCode).toBe(201);
    const opens = new Date('2021-11-02T17:00:00Z');
    const sipas = await createCampaign(t.app.db, 'sipas', 'SIPAS 2021', 2021, opens, new Date('2021-11-22T17:00:00Z'));
    const form = (await findStoredForm(t.app.db, FORM_CODES.counter))!;
    const criteria = form.definition.scoring.sipas!.components.flatMap((c) => c.criteria);
    const ids = new Map((await t.app.db.select().from(schema.units)).map((u) => [u.code, u.id]));
    const rows: GeneratedResponse[] = units.flatMap((code) =>
      Array.from({ length: 30 }, () => ({
        campaignId: sipas,
        unitId: ids.get(code)!,
        formId: form.id,
        reviewState: 'valid' as const,
        completedAt: new Date(opens.getTime() + 86_400_000),
        answers: Object.fromEntries(criteria.map((q) => [q, 5])),
      })),
    );
    await insertResponses(t.app.db, rows);
  });

  const staffPoints = async () => {
    const res = await admin('GET', '/api/v1/par/2021');
    expect(res.statusCode).toBe(200);
    const body = res.json<ParBody>();
    return Object.fromEntries(units.map((u) => [u, body.units.find((x) => x.unitCode === u)?.staffSurveyPoints]));
  };

  it('gives full marks exactly 22 / 23 / 23.5 / 30 per group, then moves exactly the three rated units', async () => {
    // Opens after the other campaigns of this file: it is the year's staff campaign.
    const id = await newCampaign('delegates scoring', '2021-06-01T00:00:00Z');
    const csv = [
      HEADER,
      'Đại biểu Một,d1@example.vn,ST30,T1,ST03;ST05;ST30',
      'Đại biểu Hai,d2@example.vn,ST31,T1,ST05;ST30;ST03',
      'Lãnh đạo phòng,t2a@example.vn,ST03,T2,',
      'Công chức,t3a@example.vn,ST03,T3,',
      'Lãnh đạo phòng,t2b@example.vn,ST05,T2,',
      'Công chức,t3b@example.vn,ST05,T3,',
      'Công chức huyện,t4@example.vn,ST30,T4,',
      'Lãnh đạo xã,t5@example.vn,ST30,T5,',
      ...[1, 2, 3].map((i) => `Viên chức ${i},t6a${i}@example.vn,ST20,T6,`),
      ...[1, 2, 3].map((i) => `Công chức Trung ương ${i},t6b${i}@example.vn,ST24,T6,`),
    ].join('\n');
    expect((await upload(id, csv)).statusCode).toBe(201);
    const tokens = await invite(id);
    for (const [email, token] of tokens) {
      if (email === 'd2@example.vn') continue;
      const link = await open(token);
      const full = allLetter(link.form, 'A');
      const body =
        link.ratedUnits.length > 1
          ? { unitAnswers: Object.fromEntries(link.ratedUnits.map((u) => [u.code, full])) }
          : { answers: full };
      expect((await submit(token, body)).statusCode).toBe(201);
    }
    // Full marks from every template that rates a unit reach the group's staff maximum exactly.
    expect(await staffPoints()).toEqual({ ST03: 22, ST05: 22, ST20: 23.5, ST24: 30, ST30: 23 });

    // The second delegate rates ST05 all B, ST30 all C and ST03 all D.
    const d2 = tokens.get('d2@example.vn')!;
    const link = await open(d2);
    expect(link.ratedUnits.map((u) => u.code)).toEqual(['ST05', 'ST30', 'ST03']);
    const unitAnswers = { ST05: allLetter(link.form, 'B'), ST30: allLetter(link.form, 'C'), ST03: allLetter(link.form, 'D') };
    expect((await submit(d2, { unitAnswers })).statusCode).toBe(201);
    // By hand, pooled per item: each of T1's 12 items (max 1.0 for departments and districts) had n
    // answers A (d1, plus T2/T3 or T4/T5 where they ask it); one more answer of weight w makes it
    // (n + w) / (n + 1), a loss of (1 − w) / (n + 1).
    //   department (T2, T3): n = 1 for LD_CONSISTENCY, LD_REASONABLENESS, CS_TALENT_ATTRACTION;
    //     n = 3 for EG_PORTAL_QUALITY; n = 2 for the other 8.
    //     ST05, B (w 0.6): 22 − 0.4 × (3/2 + 8/3 + 1/4) = 22 − 1.766667 = 20.233333 → 20.23
    //     ST03, D (w 0):   22 − 1.0 × (3/2 + 8/3 + 1/4) = 22 − 4.416667 = 17.583333 → 17.58
    //   district (T4, T5): n = 1 for LD_REASONABLENESS, ORG_STRUCTURE, CS_TALENT_ATTRACTION;
    //     n = 3 for ORG_FUNCTIONS, CS_NO_ABUSE; n = 2 for the other 7.
    //     ST30, C (w 0.2): 23 − 0.8 × (3/2 + 7/3 + 2/4) = 23 − 3.466667 = 19.533333 → 19.53
    expect(await staffPoints()).toEqual({ ST03: 17.58, ST05: 20.23, ST20: 23.5, ST24: 30, ST30: 19.53 });
  });
});
