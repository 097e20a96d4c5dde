/**
 * Redis restarted (no persistence) while no worker was connected to it — the worker was down, or
 * still starting after a crash — loses the queued invitations without anyone noticing: the new
 * worker's own schedules hide the loss. In the fault run the invitations then waited ~30 s for the
 * sweeper's next round and its one-minute grace. A worker that starts re-derives due mail from the
 * database at once, so they go out within seconds.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '@hailong/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { removeKeys, TEST_REDIS_URL } from '../../test/support/redis.ts';
import {
  createStaffCampaign,
  planRespondents,
  respondentsCsv,
  sendInvitations,
  startSmtpSink,
  type SmtpSink,
} from './staff-support.ts';

const N = 40;
const SECRET = 'mail-redis-lost-secret-0123456789abcdefghij';
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

describe('invitations queued before Redis lost its data while no worker ran', () => {
  it('are sent within seconds of the worker starting, not after the sweeper grace', async () => {
    const admin = { app: t.app, cookie: t.adminCookie };
    const id = await createStaffCampaign(admin, {
      name: 'Khảo sát CBCCVC',
      respondentsCsv: respondentsCsv(planRespondents(N, 'redis-lost')),
    });
    expect(await sendInvitations(admin, id)).toEqual({ created: N, queued: N });
    // Redis restarted without persistence: every queued job is gone.
    expect(await removeKeys(t.config.queuePrefix)).toBeGreaterThan(0);

    const t0 = Date.now();
    worker = await startWorker(
      loadWorkerConfig({
        DATABASE_URL: t.database.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: t.config.queuePrefix,
        SMTP_URL: smtp.url,
        SMTP_RATE_PER_SECOND: '5000',
        TOKEN_SECRET: SECRET,
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'hl-redis-lost-')),
      }),
      { log: () => undefined },
    );
    // The sweeper alone would leave them for a minute (its grace for a pending delivery).
    await smtp.waitFor(N, 20_000);
    const ms = Date.now() - t0;
    expect(new Set(smtp.mails.map((m) => m.to)).size).toBe(N);
    // The relay has every mail; each delivery's row says "sent" once its worker has recorded the relay's answer.
    const statuses = async () =>
      (
        await t.app.db.execute<{ status: string; n: number }>(
          `select status, count(*)::int as n from mail_deliveries where campaign_id = '${id}' group by status`,
        )
      ).rows;
    let rows = await statuses();
    for (const until = Date.now() + 10_000; Date.now() < until && rows.some((r) => r.status !== 'sent');) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await statuses();
    }
    expect(rows).toEqual([{ status: 'sent', n: N }]);
    process.stdout.write(`${N} invitations lost from Redis sent ${ms} ms after the worker started\n`);
  });
});
