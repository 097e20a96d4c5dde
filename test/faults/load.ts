/**
 * The load of the fault harness, over real HTTP: kiosk clients that behave as the tablets' outbox
 * does (one client-generated id per session, the same body resent until the API acknowledges it
 * with 200/201, whatever fails in between), and the staff survey's invitation send.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from './services.ts';

export interface Admin {
  base: string;
  cookie: string;
}

async function call(admin: Admin, method: string, url: string, body?: string, type = 'application/json'): Promise<Response> {
  return fetch(`${admin.base}${url}`, {
    method,
    headers: { cookie: admin.cookie, ...(body !== undefined ? { 'content-type': type } : {}) },
    body,
  });
}

export async function json<T>(admin: Admin, method: string, url: string, body?: unknown, expected = [200, 201, 202]): Promise<T> {
  const res = await call(admin, method, url, body === undefined ? undefined : JSON.stringify(body));
  if (!expected.includes(res.status)) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function signIn(base: string, email: string, password: string): Promise<Admin> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /hl_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return { base, cookie };
}

/** Pairs `n` counter tablets over units ST01…; returns their device tokens. */
export async function pairKiosks(admin: Admin, n: number): Promise<string[]> {
  await json(admin, 'POST', '/api/v1/campaigns', {
    kind: 'sipas',
    name: 'SIPAS (thử lỗi)',
    year: 2021,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const unitCode = `ST${String((i % 40) + 1).padStart(2, '0')}`;
    const k = await json<{ pairingCode: string }>(admin, 'POST', '/api/v1/kiosks', { unitCode, counterName: `Quầy ${i + 1}` });
    const paired = await json<{ deviceToken: string }>(admin, 'POST', '/api/v1/kiosk/pair', { pairingCode: k.pairingCode });
    tokens.push(paired.deviceToken);
  }
  return tokens;
}

export interface KioskFleet {
  /** Client ids the API acknowledged (200 or 201). */
  acknowledged: Set<string>;
  /** Attempts that failed and were retried (connection refused, 5xx, 503 …). */
  retries: number;
  /** Answers a tablet would not retry (4xx other than 408/429): each is a harness failure. */
  refused: string[];
  /** Stops after every client's current session is acknowledged. */
  stop(): Promise<void>;
}

function session(): string {
  const completedAt = new Date();
  const r = () => 1 + Math.floor(Math.random() * 5);
  return JSON.stringify({
    clientId: randomUUID(),
    formCode: 'QUICK/2021',
    answers: { Q_TC: r(), Q_TT: r(), Q_CC: r(), Q_KQ: r(), OV: r() },
    startedAt: new Date(completedAt.getTime() - 30_000).toISOString(),
    completedAt: completedAt.toISOString(),
  });
}

/** `clients` tablets submitting back to back, each resending its session until acknowledged. */
export function startKioskFleet(base: string, tokens: string[], clients: number): KioskFleet {
  let running = true;
  const fleet: KioskFleet = { acknowledged: new Set(), retries: 0, refused: [], stop: async () => undefined };
  const client = async (c: number) => {
    const auth = `Bearer ${tokens[c % tokens.length] ?? ''}`;
    while (running) {
      const body = session();
      const clientId = (JSON.parse(body) as { clientId: string }).clientId;
      for (;;) {
        const status = await fetch(`${base}/api/v1/kiosk/responses`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(10_000),
        }).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200 || status === 201) {
          fleet.acknowledged.add(clientId);
          break;
        }
        if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
          fleet.refused.push(`${status} ${clientId}`);
          break;
        }
        fleet.retries++;
        await sleep(100 + Math.random() * 200);
      }
    }
  };
  const all = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  fleet.stop = async () => {
    running = false;
    await all;
  };
  return fleet;
}

/** Creates a staff campaign with `n` respondents over the 40 units; returns its id. */
export async function staffCampaign(admin: Admin, n: number): Promise<string> {
  const c = await json<{ id: string }>(admin, 'POST', '/api/v1/campaigns', {
    kind: 'staff',
    name: 'Khảo sát CBCCVC (thử lỗi)',
    year: 2021,
    opensAt: '2021-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
  const rows = ['full_name,email,unit_code,respondent_group'];
  for (let i = 0; i < n; i++) {
    const u = (i % 40) + 1;
    const group = u <= 19 ? 'T3' : u <= 29 ? 'T6' : 'T5';
    rows.push(`Nguyễn Văn Thử ${i},cb${i}.faults@example.vn,ST${String(u).padStart(2, '0')},${group}`);
  }
  const res = await call(admin, 'POST', `/api/v1/campaigns/${c.id}/respondents`, `${rows.join('\n')}\n`, 'text/csv');
  if (res.status !== 201) throw new Error(`respondent import: ${res.status} ${await res.text()}`);
  return c.id;
}
