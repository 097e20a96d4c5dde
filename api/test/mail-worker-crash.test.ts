/**
 * A worker killed (SIGKILL) in the middle of a send (issue: every row it had claimed waited out a
 * 10-minute lease and was then sent again, 15 duplicate invitations and 14 duplicate reminders out
 * of ~3,400). Now a claim is a 20-second lease that the live worker renews while it sends: the dead
 * worker's claims are taken over within a minute, and the only mails that can arrive twice are the
 * ones the relay accepted in the instant of the crash, before the worker recorded them as sent
 * (docs/0003-invitation-tokens.md). Real SMTP server on loopback, worker in a child process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { TEST_REDIS_URL } from '../../test/support/redis.ts';
import {
  createStaffCampaign,
  planRespondents,
  respondentsCsv,
  sendInvitations,
  startSmtpSink,
  type SmtpSink,
} from './staff-support.ts';

const N = 400;
const SECRET = 'mail-crash-test-secret-0123456789abcdefghij';
const repo = fileURLToPath(new URL('../..', import.meta.url));
let t: TestApp;
let smtp: SmtpSink;
let worker: WorkerHandle | undefined;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await buildTestApp({ tokenSecret: SECRET });
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
  await smtp?.close();
});

const env = () => ({
  DATABASE_URL: t.database.url,
  REDIS_URL: TEST_REDIS_URL,
  QUEUE_PREFIX: t.config.queuePrefix,
  SMTP_URL: smtp.url,
  SMTP_RATE_PER_SECOND: '5000',
  TOKEN_SECRET: SECRET,
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'hl-crash-')),
});

async function sql<T extends Record<string, unknown>>(text: string): Promise<T[]> {
  return (await t.app.db.execute<T>(text)).rows as T[];
}

describe('a worker killed mid-send', () => {
  it('has its claims taken over within a minute and duplicates only what the relay had just accepted', async () => {
    const admin = { app: t.app, cookie: t.adminCookie };
    const id = await createStaffCampaign(admin, {
      name: 'Khảo sát CBCCVC',
      respondentsCsv: respondentsCsv(planRespondents(N, 'crash')),
    });

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'worker/src/main.ts')], {
      cwd: repo,
      env: { ...process.env, ...env() },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.once('exit', r));
    expect(await sendInvitations(admin, id)).toEqual({ created: N, queued: N });
    await smtp.waitFor(N / 4, 60_000);
    const killedAt = Date.now();
    child.kill('SIGKILL');
    await exited;
    const held = (
      await sql<{ id: string }>(`select id from mail_deliveries where campaign_id = '${id}' and status = 'sending'`)
    ).map((r) => r.id);
    expect(held.length).toBeGreaterThan(0);
    expect(smtp.mails.length).toBeLessThan(N);

    worker = await startWorker(loadWorkerConfig(env()), { log: () => undefined });
    const heldList = held.map((h) => `'${h}'`).join(',');
    let recoveredMs = -1;
    for (let i = 0; i < 600 && recoveredMs < 0; i++) {
      const left = await sql<{ n: number }>(
        `select count(*)::int as n from mail_deliveries where id in (${heldList}) and status <> 'sent'`,
      );
      if (left[0]?.n === 0) recoveredMs = Date.now() - killedAt;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(recoveredMs).toBeGreaterThan(0);
    expect(recoveredMs).toBeLessThan(60_000);

    await smtp.waitFor(N, 60_000);
    await new Promise((r) => setTimeout(r, 1_000));
    const byId = new Map<string, number[]>();
    for (const m of smtp.mails) byId.set(m.messageId, [...(byId.get(m.messageId) ?? []), m.receivedAt]);
    const twice = [...byId.values()].filter((times) => times.length > 1);
    expect(byId.size).toBe(N);
    expect(new Set(smtp.mails.map((m) => m.to)).size).toBe(N);
    // Each duplicate's first copy was handed to the relay just before the kill, and there are at
    // most as many as the worker sends at once (its mail concurrency, 20).
    for (const times of twice) expect(killedAt - (times[0] ?? 0)).toBeLessThan(2_000);
    expect(twice.length).toBeLessThanOrEqual(20);
    const rows = await sql<{ status: string; n: number }>(
      `select status, count(*)::int as n from mail_deliveries where campaign_id = '${id}' group by status`,
    );
    expect(rows).toEqual([{ status: 'sent', n: N }]);
    process.stdout.write(
      `worker killed with ${held.length} claims; recovered in ${recoveredMs} ms; ${twice.length} duplicate(s) of ${N}\n`,
    );
  });
});
