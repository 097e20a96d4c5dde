/** Helpers shared by the kiosk/online/results tests: an open SIPAS campaign, a paired kiosk, answers. */
import { randomUUID } from 'node:crypto';
import { findForm } from '@hailong/forms';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../test/support/build-app.ts';

export async function openSipasCampaign(t: TestApp, settings: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: {
      kind: 'sipas',
      name: `SIPAS ${randomUUID()}`,
      year: 2021,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      settings,
    },
  });
  if (res.statusCode !== 201) throw new Error(`campaign: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export interface PairedKiosk {
  id: string;
  token: string;
  auth: { authorization: string };
}

export async function pairKiosk(t: TestApp, body: Record<string, unknown> = {}): Promise<PairedKiosk> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/kiosks',
    headers: { cookie: t.adminCookie },
    payload: { unitCode: 'ST34', counterName: 'Quầy 1', ...body },
  });
  if (created.statusCode !== 201) throw new Error(`kiosk: ${created.statusCode} ${created.body}`);
  const { id, pairingCode } = created.json<{ id: string; pairingCode: string }>();
  const remoteAddress = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`; // pairing is rate-limited per address
  const paired = await t.app.inject({ method: 'POST', url: '/api/v1/kiosk/pair', payload: { pairingCode }, remoteAddress });
  if (paired.statusCode !== 200) throw new Error(`pair: ${paired.statusCode} ${paired.body}`);
  const token = paired.json<{ deviceToken: string }>().deviceToken;
  return { id, token, auth: { authorization: `Bearer ${token}` } };
}

export function quickAnswers(overall: number, others = overall): Record<string, number> {
  return { Q_TC: others, Q_TT: others, Q_CC: others, Q_KQ: others, OV: overall };
}

export function kioskBody(answers: Record<string, unknown>, completedAt: Date, extra: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    formCode: 'QUICK/2021',
    answers,
    startedAt: new Date(completedAt.getTime() - 30_000).toISOString(),
    completedAt: completedAt.toISOString(),
    ...extra,
  };
}

export async function countRows(t: TestApp, where = sql`true`): Promise<number> {
  const res = await t.app.db.execute(sql`select count(*)::int as n from responses where ${where}`);
  return (res.rows[0] as { n: number }).n;
}

export interface UnitFigures {
  unitCode: string;
  validResponses: number;
  suspectResponses: number;
  quickRatePercent: number | null;
  sipasPercent: number | null;
}

export async function unitResults(t: TestApp, campaignId: string, unitCode = 'ST34'): Promise<UnitFigures | undefined> {
  const res = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}/results`, headers: { cookie: t.adminCookie } });
  if (res.statusCode !== 200) throw new Error(`results: ${res.statusCode} ${res.body}`);
  return res.json<{ units: UnitFigures[] }>().units.find((u) => u.unitCode === unitCode);
}

/** Quick forms from one kiosk completed at these times (the first rating 5, the others 4), each stored as new. */
export async function submitKioskRun(t: TestApp, kiosk: PairedKiosk, times: number[]): Promise<void> {
  for (const [i, at] of times.entries()) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/responses',
      payload: kioskBody(quickAnswers(i === 0 ? 5 : 4), new Date(at)),
      headers: kiosk.auth,
    });
    if (res.statusCode !== 201) throw new Error(`kiosk response: ${res.statusCode} ${res.body}`);
  }
}

/** One online form 02 (the form's example answers) for ST34, stored as new. */
export async function submitOnlineForm(t: TestApp, remoteAddress: string, dossierCode: string): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/o/ST34/responses',
    remoteAddress,
    payload: {
      clientId: randomUUID(),
      formCode: '02/2021-DVCTT',
      answers: findForm('02/2021-DVCTT')?.example ?? {},
      dossierCode,
    },
  });
  if (res.statusCode !== 201) throw new Error(`online response: ${res.statusCode} ${res.body}`);
}
