/**
 * The production topology on one machine, from the compiled build (`node server/dist/main.mjs`): `migrate`
 * once, then two `api` replicas and one separate `worker` on one fresh PostgreSQL database and one Redis
 * prefix, mail to a real SMTP sink, and a round-robin reverse proxy in front (X-Forwarded-For; the
 * replicas trust loopback). Through the proxy: a staff-survey round (import, send, answer every link on
 * the other replica than the one that opened it, remind) and kiosk submissions with client retries.
 * Every link works on either replica, every mail goes out once, no response is stored twice.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillAnswers,
  linkToken,
  planRespondents,
  respondentsCsv,
  startSmtpSink,
  type SmtpSink,
} from '../../api/test/staff-support.ts';
import { kioskBody, quickAnswers } from '../../api/test/kiosk-fixtures.ts';
import { TEST_TOKEN_SECRET } from '../../test/support/env.ts';
import { createTestDatabase, queryDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../test/support/round-robin-proxy.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';
import {
  freePort,
  requireServerBundle,
  startServerProcess,
  waitForStatus,
  type ServerProcess,
} from '../../test/support/server-process.ts';
import type pg from 'pg';

const ADMIN = { email: 'admin@example.vn', password: 'Replica-Pass-2026!' };
const N = 24;
const NON_RESPONDENTS = new Set(
  planRespondents(N, 'rep')
    .filter((_, i) => i % 6 === 5)
    .map((r) => r.email),
);
const KIOSK_SESSIONS = 36;

let database: TestDatabase;
let prefix: string;
let dataDir = '';
let smtp: SmtpSink;
let proxy: RoundRobinProxy;
const processes: ServerProcess[] = [];

interface Answer {
  status: number;
  servedBy: number;
  body: unknown;
}

interface Call {
  method?: string;
  body?: unknown;
  csv?: string;
  cookie?: string;
  token?: string;
  /** Send it to this replica (otherwise round-robin). */
  replica?: number;
  /** The proxy forwards it but cuts the connection instead of answering. */
  dropAnswer?: boolean;
  /** Leave from this loopback address (a different caller for the replicas, via X-Forwarded-For). */
  from?: string;
}

/** One HTTP request through the proxy (node:http, so a test can choose its source address). */
function call(pathname: string, c: Call = {}): Promise<Answer> {
  const payload = c.csv ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  const headers: Record<string, string> = {
    ...(payload !== undefined ? { 'content-type': c.csv !== undefined ? 'text/csv' : 'application/json' } : {}),
    ...(c.cookie ? { cookie: c.cookie } : {}),
    ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
    ...(c.replica !== undefined ? { 'x-replica': String(c.replica) } : {}),
    ...(c.dropAnswer ? { 'x-drop-answer': '1' } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${proxy.url}${pathname}`,
      { method: c.method ?? (payload === undefined ? 'GET' : 'POST'), headers, ...(c.from ? { localAddress: c.from } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          const json = (() => {
            try {
              return JSON.parse(text) as unknown;
            } catch {
              return text;
            }
          })();
          resolve({ status: res.statusCode ?? 0, servedBy: Number(res.headers['x-served-by']), body: json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(replica?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${proxy.url}/api/v1/auth/login`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(replica !== undefined ? { 'x-replica': String(replica) } : {}) },
      },
      (res) => {
        res.resume();
        const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('hl_session='));
        res.on('end', () => (cookie ? resolve(cookie.split(';')[0] ?? '') : reject(new Error(`login: ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(ADMIN));
  });
}

function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return queryDatabase<T>(database.url, text, values);
}

beforeAll(async () => {
  requireServerBundle();
  [database, smtp] = await Promise.all([createTestDatabase(), startSmtpSink()]);
  prefix = uniquePrefix();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hl-replica-'));
  const apiPorts = [await freePort(), await freePort()];
  proxy = await startRoundRobinProxy(apiPorts);
  const env = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    SMTP_URL: smtp.url,
    SMTP_RATE_PER_SECOND: '1000',
    PUBLIC_URL: proxy.url,
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ...extra,
  });
  const migrate = startServerProcess('migrate', env({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }));
  processes.push(migrate);
  expect(await migrate.exited, migrate.output()).toBe(0);
  const apis = apiPorts.map((port) => startServerProcess('api', env({ HOST: '127.0.0.1', PORT: String(port) })));
  const worker = startServerProcess('worker', env());
  processes.push(...apis, worker);
  await Promise.all(apis.map((p, i) => waitForStatus(`http://127.0.0.1:${apiPorts[i]}/readyz`, p)));
});

afterAll(async () => {
  await Promise.allSettled(processes.map((p) => p.stop()));
  await proxy?.close();
  await smtp?.close();
  await database?.drop();
  if (prefix) await removeKeys(prefix);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('two API replicas and a worker behind a reverse proxy', () => {
  let cookie = '';

  it('reports the worker through either replica and shares the login limit across replicas per forwarded caller', async () => {
    await expect
      .poll(async () => (await call('/healthz', { replica: 0 })).body, { timeout: 20_000 })
      .toMatchObject({ db: 'ok', redis: 'ok', worker: { status: 'ok' } });
    expect((await call('/healthz', { replica: 1 })).body).toMatchObject({ worker: { status: 'ok' } });
    // 20 wrong sign-ins a minute per caller: 10 on each replica, then the 21st is refused by both.
    const wrong = { email: 'nobody@example.vn', password: 'Wrong-Pass-2026!' };
    for (let i = 0; i < 20; i++)
      expect((await call('/api/v1/auth/login', { body: wrong, replica: i % 2, from: '127.0.0.9' })).status).toBe(401);
    expect((await call('/api/v1/auth/login', { body: wrong, replica: 0, from: '127.0.0.9' })).status).toBe(429);
    expect((await call('/api/v1/auth/login', { body: wrong, replica: 1, from: '127.0.0.9' })).status).toBe(429);
    // Another caller (another forwarded address) is not affected; a session made on one replica works on the other.
    cookie = await login(0);
    expect((await call('/api/v1/auth/me', { cookie, replica: 1 })).status).toBe(200);
  });

  describe('a staff survey round', () => {
    const plan = planRespondents(N, 'rep');
    let campaignId = '';
    const tokens = new Map<string, string>();

    it('imports the respondents and mails every invitation exactly once', async () => {
      const created = await call('/api/v1/campaigns', {
        cookie,
        replica: 1,
        body: {
          kind: 'staff',
          name: 'Khảo sát CBCCVC qua hai bản sao',
          year: 2021,
          opensAt: '2021-01-01T00:00:00Z',
          closesAt: '2099-01-01T00:00:00Z',
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      campaignId = (created.body as { id: string }).id;
      const imported = await call(`/api/v1/campaigns/${campaignId}/respondents`, {
        cookie,
        replica: 0,
        csv: respondentsCsv(plan),
      });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      expect(imported.body).toMatchObject({ imported: N });
      const sent = await call(`/api/v1/campaigns/${campaignId}/invitations/send`, { cookie, replica: 1, method: 'POST' });
      expect(sent.status).toBe(202);
      expect(sent.body).toEqual({ created: N, queued: N });
      // Sending again from the other replica creates and queues nothing more.
      const again = await call(`/api/v1/campaigns/${campaignId}/invitations/send`, { cookie, replica: 0, method: 'POST' });
      expect(again.body).toMatchObject({ created: 0 });
      await smtp.waitFor(N, 30_000);
      await new Promise((r) => setTimeout(r, 1_500)); // anything sent twice would arrive meanwhile
      expect(smtp.mails).toHaveLength(N);
      expect(new Set(smtp.mails.map((m) => m.to))).toEqual(new Set(plan.map((r) => r.email)));
      for (const m of smtp.mails) {
        expect(m.text).toContain(`${proxy.url}/s/`);
        tokens.set(m.to, linkToken(m.text) ?? '');
      }
    });

    it('serves every link on whichever replica: opened on one, answered on the other', async () => {
      const answering = plan.filter((r) => !NON_RESPONDENTS.has(r.email));
      await Promise.all(
        answering.map(async (r, i) => {
          const token = tokens.get(r.email) ?? '';
          const open = await call(`/api/v1/s/${token}`, { replica: i % 2 });
          expect(open.status, JSON.stringify(open.body)).toBe(200);
          const answers = fillAnswers((open.body as { form: Parameters<typeof fillAnswers>[0] }).form);
          const submit = await call(`/api/v1/s/${token}/submit`, { replica: (i + 1) % 2, body: { answers } });
          expect(submit.status, JSON.stringify(submit.body)).toBe(201);
          expect(submit.servedBy).not.toBe(open.servedBy);
          // A second submit (a double click, a retry) is refused on the first replica too.
          const twice = await call(`/api/v1/s/${token}/submit`, { replica: i % 2, body: { answers } });
          expect(twice.status).toBe(409);
          expect(twice.body).toMatchObject({ error: { code: 'ALREADY_SUBMITTED' } });
        }),
      );
      // Answers carry no link to the invitation (docs/0012): count them, and the invitations marked answered.
      const rows = await query<{ n: number; invitations: number }>(
        `select (select count(*)::int from responses where campaign_id = $1 and channel = 'email') as n,
                (select count(*)::int from invitations where campaign_id = $1 and completed_at is not null) as invitations`,
        [campaignId],
      );
      expect(rows[0]).toEqual({ n: answering.length, invitations: answering.length });
    });

    it('reminds exactly those who have not answered, once', async () => {
      const before = smtp.mails.length;
      const remind = await call(`/api/v1/campaigns/${campaignId}/reminders/send`, { cookie, replica: 0, method: 'POST' });
      expect(remind.status).toBe(202);
      expect(remind.body).toMatchObject({ queued: NON_RESPONDENTS.size });
      // "Remind now" pressed again on the other replica: everyone waiting was just reminded.
      const again = await call(`/api/v1/campaigns/${campaignId}/reminders/send`, { cookie, replica: 1, method: 'POST' });
      expect(again.body).toMatchObject({ queued: 0 });
      await smtp.waitFor(before + NON_RESPONDENTS.size, 30_000);
      await new Promise((r) => setTimeout(r, 1_500));
      const reminded = smtp.mails.slice(before).map((m) => m.to);
      expect(reminded).toHaveLength(NON_RESPONDENTS.size);
      expect(new Set(reminded)).toEqual(NON_RESPONDENTS);
    });
  });

  it('stores each kiosk session once, whichever replica took the first try and the retry', async () => {
    const campaign = await call('/api/v1/campaigns', {
      cookie,
      body: {
        kind: 'sipas',
        name: 'SIPAS qua hai bản sao',
        year: 2021,
        opensAt: '2020-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        settings: {},
      },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const kiosk = await call('/api/v1/kiosks', {
      cookie,
      body: { unitCode: 'ST34', counterName: 'Quầy 1', minIntervalSeconds: 0, hourlyCap: 100_000 },
    });
    expect(kiosk.status, JSON.stringify(kiosk.body)).toBe(201);
    const paired = await call('/api/v1/kiosk/pair', {
      body: { pairingCode: (kiosk.body as { pairingCode: string }).pairingCode },
    });
    expect(paired.status).toBe(200);
    const token = (paired.body as { deviceToken: string }).deviceToken;
    const sessions = Array.from({ length: KIOSK_SESSIONS }, (_, i) =>
      kioskBody(quickAnswers(1 + (i % 5)), new Date(Date.parse('2021-11-03T01:00:00Z') + i * 60_000)),
    );
    const outcomes = await Promise.all(
      sessions.map(async (body, i) => {
        const replica = i % 2;
        const other = 1 - replica;
        if (i % 3 === 0) {
          // The answer is lost on the way back: the tablet retries the same session on the other replica.
          await call('/api/v1/kiosk/responses', { token, body, replica, dropAnswer: true }).catch(() => null);
          const retry = await call('/api/v1/kiosk/responses', { token, body, replica: other });
          return [retry.status];
        }
        if (i % 3 === 1) {
          // Two tries in flight at once (a timeout fired early), one on each replica.
          const both = await Promise.all([
            call('/api/v1/kiosk/responses', { token, body, replica }),
            call('/api/v1/kiosk/responses', { token, body, replica: other }),
          ]);
          return both.map((a) => a.status).sort();
        }
        const once = await call('/api/v1/kiosk/responses', { token, body });
        return [once.status];
      }),
    );
    outcomes.forEach((statuses, i) => {
      expect(statuses, `session ${i}`).toEqual(i % 3 === 0 ? [200] : i % 3 === 1 ? [200, 201] : [201]);
    });
    const rows = await query<{ client_id: string; n: number }>(
      "select client_id, count(*)::int as n from responses where channel = 'kiosk' group by client_id",
    );
    expect(rows).toHaveLength(KIOSK_SESSIONS);
    expect(new Set(rows.map((r) => r.client_id))).toEqual(new Set(sessions.map((s) => s.clientId)));
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('spread the requests over both replicas', () => {
    expect(
      proxy.served.every((n) => n > 20),
      JSON.stringify(proxy.served),
    ).toBe(true);
  });
});
