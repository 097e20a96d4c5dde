/**
 * A staff campaign's template per respondent group (docs/0022): defaults to the standard codes; only
 * a stored staff form of the same group may be chosen; a change is audited and refused once the
 * group's invitations were sent; an invitation links to the chosen template (here one imported from
 * a workbook under a new code), the personal link renders it and the answer scores into PAR staff
 * points as that template maps.
 */
import { sheetsWorkbook } from '@hailong/api';
import type { FormImportResult } from '@hailong/contracts';
import { schema } from '@hailong/db';
import { sheetsFromForm, staffTemplate, type FormDefinition } from '@hailong/forms';
import { invitationToken } from '@hailong/runtime';
import { computeStaffPoints, countAnswers, staffMaximaOf, type ResponseAnswers } from '@hailong/scoring';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { findCampaign } from '../src/features/campaigns/repo.ts';
import { methodOf } from '../src/features/par/method-service.ts';
import { staffPointsByUnit } from '../src/features/par/par-service.ts';
import { yearReferenceDay } from '../src/features/par/reference-day.ts';
import { listUnits } from '../src/features/par/sipas-service.ts';
import { createStaffCampaign, fillAnswers } from './staff-support.ts';

const SECRET = 'staff-templates-test-secret-0123456789abcdef';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NEW_T3 = 'CBCCVC-T3/2026';
const GROUPS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
const DEFAULTS = Object.fromEntries(GROUPS.map((g) => [g, staffTemplate(g)?.code ?? ''])) as Record<
  (typeof GROUPS)[number],
  string
>;

interface Body {
  staffTemplates: typeof DEFAULTS;
  options: { code: string; version: number; group: string; title: { vi: string; en: string } }[];
  invited: Record<string, number>;
}
describe('templates chosen per respondent group of a staff campaign', () => {
  let t: TestApp;
  let campaignId: string;
  const admin = () => ({ cookie: t.adminCookie });
  const url = (id: string) => `/api/v1/campaigns/${id}/staff-templates`;
  const put = (id: string, payload: object) => t.app.inject({ method: 'PUT', url: url(id), headers: admin(), payload });
  const get = (id: string) => t.app.inject({ url: url(id), headers: admin() });
  const audits = async (id: string) =>
    (
      await t.app.db.execute(
        sql`select details from audit_log where action = 'campaign.staff_templates' and entity_id = ${id} order by id`,
      )
    ).rows as { details: { before: unknown; after: unknown; changed: string[] } }[];

  beforeAll(async () => {
    t = await buildTestApp({ tokenSecret: SECRET });
    campaignId = await createStaffCampaign(
      { app: t.app, cookie: t.adminCookie },
      {
        name: 'CBCCVC 2021 mẫu mới',
        respondentsCsv: [
          'full_name,email,unit_code,respondent_group',
          'Nguyễn Văn Ba,ba.t3@example.vn,ST16,T3',
          'Trần Thị Hai,hai.t2@example.vn,ST16,T2',
        ].join('\n'),
      },
    );
  });
  afterAll(async () => t?.close());

  it('uses the standard codes by default and offers the stored staff templates with their group', async () => {
    const res = await get(campaignId);
    expect(res.statusCode).toBe(200);
    const body = res.json<Body>();
    expect(body.staffTemplates).toEqual(DEFAULTS);
    expect(body.options.map((o) => [o.group, o.code]).sort()).toEqual(GROUPS.map((g) => [g, DEFAULTS[g]]));
    expect(body.invited).toEqual({ T1: 0, T2: 0, T3: 0, T4: 0, T5: 0, T6: 0 });
  });

  it("refuses another group's template, a SIPAS form or an unknown code with 400 naming each group, changing nothing", async () => {
    const res = await put(campaignId, { ...DEFAULTS, T2: DEFAULTS.T3, T4: '01/2021-TT', T6: 'NO/SUCH' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; message: string; details: { field: string; code: string }[] } }>();
    expect(error.code).toBe('STAFF_TEMPLATE_INVALID');
    expect(error.details.map((d) => d.field)).toEqual(['T2', 'T4', 'T6']);
    const sipas = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: admin(),
      payload: { kind: 'sipas', name: 'SIPAS', year: 2021, opensAt: '2021-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    });
    const onSipas = await put(sipas.json<{ id: string }>().id, DEFAULTS);
    expect([onSipas.statusCode, onSipas.json<{ error: { code: string } }>().error.code]).toEqual([409, 'CAMPAIGN_NOT_STAFF']);
    expect((await get(campaignId)).json<Body>().staffTemplates).toEqual(DEFAULTS);
    expect(await audits(campaignId)).toEqual([]);
  });

  it('an imported template under a new code is chosen, audited, linked by the invitation, rendered and scored', async () => {
    // The T3 template as a workbook, renamed for a new year and imported.
    const t3Form = staffTemplate('T3');
    if (!t3Form) throw new Error('no T3 template');
    const sheets = sheetsFromForm(t3Form);
    const [head = [], row = []] = sheets.settings;
    row[head.indexOf('form_id')] = NEW_T3;
    row[head.indexOf('version')] = '1';
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms.xlsx',
      headers: { ...admin(), 'content-type': XLSX },
      payload: await sheetsWorkbook(sheets),
    });
    expect(imported.json<FormImportResult>()).toMatchObject({ ok: true, action: 'created', form: { code: NEW_T3, version: 1 } });
    expect((await get(campaignId)).json<Body>().options).toContainEqual(expect.objectContaining({ code: NEW_T3, group: 'T3' }));

    const chosen = { ...DEFAULTS, T3: NEW_T3 };
    const saved = await put(campaignId, chosen);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Body>().staffTemplates).toEqual(chosen);
    expect((await put(campaignId, chosen)).statusCode).toBe(200);
    const log = await audits(campaignId);
    expect(log).toHaveLength(1);
    expect(log[0]?.details).toEqual({ before: DEFAULTS, after: chosen, changed: ['T3'] });

    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/invitations/send`,
      headers: admin(),
    });
    expect(sent.statusCode).toBe(202);
    const invitations = await t.app.db
      .select({ id: schema.invitations.id, group: schema.respondents.respondentGroup, code: schema.forms.code })
      .from(schema.invitations)
      .innerJoin(schema.respondents, eq(schema.respondents.id, schema.invitations.respondentId))
      .innerJoin(schema.forms, eq(schema.forms.id, schema.invitations.formId))
      .where(eq(schema.invitations.campaignId, campaignId));
    expect(invitations.map((i) => [i.group, i.code]).sort()).toEqual([
      ['T2', DEFAULTS.T2],
      ['T3', NEW_T3],
    ]);

    const t3 = invitations.find((i) => i.group === 'T3');
    const token = invitationToken(SECRET, t3?.id ?? '');
    const page = await t.app.inject({ url: `/api/v1/s/${token}` });
    expect(page.statusCode).toBe(200);
    const form = page.json<{ form: Parameters<typeof fillAnswers>[0] & { code: string } }>().form;
    expect(form.code).toBe(NEW_T3);
    const answers = fillAnswers(form);
    const submitted = await t.app.inject({ method: 'POST', url: `/api/v1/s/${token}/submit`, payload: { answers } });
    expect(submitted.statusCode).toBe(201);

    const newForm = await t.app.db.select().from(schema.forms).where(eq(schema.forms.code, NEW_T3));
    const campaign = await findCampaign(t.app.db, campaignId);
    const units = await listUnits(t.app.db, await yearReferenceDay(t.app.db, 2021));
    const method = await methodOf(t.app.db, 2021);
    const st16 = units.find((u) => u.code === 'ST16');
    const points = (await staffPointsByUnit(t.app.db, campaign, method, units)).get(st16?.id ?? -1);
    const expected = computeStaffPoints(
      [{ form: newForm[0]?.definition as FormDefinition, counts: countAnswers([answers as ResponseAnswers]) }],
      { templateMethod: method.staff.templateMethod, maxima: staffMaximaOf(method, 'department') },
    );
    expect(points?.subCriteria.some((s) => s.points !== null)).toBe(true);
    expect(points).toEqual(expected);
  });

  it('refuses with 409 to change a group whose invitations were sent', async () => {
    const current = (await get(campaignId)).json<Body>();
    expect(current.invited).toMatchObject({ T2: 1, T3: 1, T4: 0 });
    const locked = await put(campaignId, { ...current.staffTemplates, T3: DEFAULTS.T3 });
    expect(locked.statusCode).toBe(409);
    const { error } = locked.json<{ error: { code: string; details: { field: string; invited: number }[] } }>();
    expect(error.code).toBe('STAFF_TEMPLATE_LOCKED');
    expect(error.details).toEqual([{ field: 'T3', invited: 1 }]);
    expect((await get(campaignId)).json<Body>().staffTemplates.T3).toBe(NEW_T3);
    expect(await audits(campaignId)).toHaveLength(1);
  });
});
