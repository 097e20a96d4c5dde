/** Factories for the fieldwork tests: campaign, enumerators with assignments, interviews. */
import { randomUUID } from 'node:crypto';
import type { PublicForm } from '@hailong/contracts';
import { shownQuestionIds } from '@hailong/forms';
import type { TestApp } from '../../test/support/build-app.ts';

export const FIELD_PASSWORD = 'Dtv-Pass-2026!';

export async function createFieldCampaign(t: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: {
      kind: 'sipas',
      name: `SIPAS ${randomUUID()}`,
      year: 2021,
      opensAt: '2021-11-03T00:00:00+07:00',
      closesAt: '2021-11-23T00:00:00+07:00',
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`campaign ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export interface FieldEnumerator {
  id: string;
  email: string;
  cookie: string;
}

/** `loginAddress`: the address the enumerator logs in from (the login rate limit counts per address). */
export async function createEnumerator(
  t: TestApp,
  organisation = 'Bưu điện tỉnh Sóc Trăng',
  loginAddress?: string,
): Promise<FieldEnumerator> {
  const email = `dtv-${randomUUID().slice(0, 8)}@example.vn`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/enumerators',
    headers: { cookie: t.adminCookie },
    payload: { fullName: `Điều tra viên ${email.slice(4, 8)}`, email, organisation, password: FIELD_PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`enumerator ${res.statusCode} ${res.body}`);
  return { id: res.json<{ id: string }>().id, email, cookie: await t.login(email, FIELD_PASSWORD, loginAddress) };
}

export async function assign(
  t: TestApp,
  campaignId: string,
  enumeratorId: string,
  unitCode: string,
  quota: number,
  localityId?: number,
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/assignments`,
    headers: { cookie: t.adminCookie },
    payload: { enumeratorId, unitCode, quota, ...(localityId ? { localityId } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`assignment ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A commune of a district unit, or a hamlet of a commune, through the admin API; returns its id. */
export async function addLocality(
  t: TestApp,
  payload: { level: 'commune'; unitCode: string; name: string } | { level: 'hamlet'; parentId: number; name: string },
): Promise<number> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/localities', headers: { cookie: t.adminCookie }, payload });
  if (res.statusCode !== 201) throw new Error(`locality ${res.statusCode} ${res.body}`);
  return res.json<{ id: number }>().id;
}

export async function fieldForm(t: TestApp, cookie: string, code = '01/2021-TT'): Promise<PublicForm> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/enumerator/assignments', headers: { cookie } });
  const a = res.json<{ assignments: Array<{ forms: PublicForm[] }> }>().assignments[0];
  const f = a?.forms.find((x) => x.code === code);
  if (!f) throw new Error('no field form listed');
  return f;
}

/** Answers every question that applies; `seed` varies the likert answers so patterns are not identical. */
export function answersFor(form: PublicForm, seed: number, likert?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let s = seed * 7919 + 17;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
  for (const sec of form.sections) {
    for (const q of sec.questions) {
      const opts = (q.options ?? []).map((o) => o.code);
      if (q.type === 'likert5') out[q.id] = likert ?? (next() % 5) + 1;
      else if (q.type === 'yes_no') out[q.id] = next() % 2 === 0;
      else if (q.type === 'multi_choice') out[q.id] = opts.slice(0, 1);
      else if (q.type === 'single_choice') out[q.id] = opts[next() % opts.length];
      else if (q.type === 'number') out[q.id] = q.min ?? 1;
      else if (q.required) out[q.id] = 'ok';
    }
  }
  const shown = shownQuestionIds(form, out);
  return Object.fromEntries(Object.entries(out).filter(([id]) => shown.has(id)));
}

export function interview(assignmentId: string, form: PublicForm, seed: number, overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    assignmentId,
    formCode: form.code,
    answers: answersFor(form, seed),
    startedAt: '2021-11-05T08:00:00+07:00',
    completedAt: '2021-11-05T08:12:00+07:00',
    ...overrides,
  };
}

export async function sync(t: TestApp, cookie: string, forms: unknown[]) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/enumerator/sync', headers: { cookie }, payload: { forms } });
  if (res.statusCode !== 200) throw new Error(`sync ${res.statusCode} ${res.body}`);
  return res.json<{
    results: Array<{ clientId: string; status: string; reason?: string; errors?: unknown[]; flags?: string[] }>;
  }>().results;
}
