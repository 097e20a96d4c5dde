/**
 * kiosk_submit_batch (set-based, migration 0010) must give every session the outcome, review state,
 * flags and reason that calling kiosk_submit (0008) for each item in order gives — on random batches
 * with repeated client ids, unknown and revoked devices, bursts inside the anti-stuffing windows and
 * sessions already stored. Two identical databases are driven side by side and compared.
 */
import { randomUUID } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createPool } from '@hailong/db';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';

interface Item {
  tokenHash: string;
  clientId: string;
  campaignId: string;
  formId: number;
  answers: unknown;
  payloadHash: string;
  startedAt: string;
  completedAt: string;
  partial: boolean;
  procedureName: string | null;
  appVersion: string | null;
  pendingCount: number | null;
}

const DEVICES = ['dev-a', 'dev-b', 'dev-c', 'dev-revoked', 'dev-unknown'];
const BASE = Date.parse('2021-11-03T02:00:00Z');

async function setUp(pool: pg.Pool): Promise<string> {
  const c = await pool.query<{ id: string }>(
    `insert into campaigns (kind, name, year, opens_at, closes_at) values ('sipas', 'batch', 2021, '2021-01-01', '2021-12-31') returning id`,
  );
  const limits: Record<string, [number, number]> = {
    'dev-a': [20, 3],
    'dev-b': [0, 2],
    'dev-c': [60, 120],
    'dev-revoked': [20, 120],
  };
  for (const [token, [gap, cap]] of Object.entries(limits)) {
    await pool.query(
      `insert into kiosk_devices (unit_id, counter_name, device_token_hash, min_interval_seconds, hourly_cap, revoked_at)
       values (1, $1, $1, $2, $3, $4)`,
      [token, gap, cap, token === 'dev-revoked' ? new Date() : null],
    );
  }
  return c.rows[0]?.id ?? '';
}

const CLIENTS = 10;
const itemArb = fc.record({
  device: fc.constantFrom(...DEVICES),
  client: fc.nat({ max: CLIENTS - 1 }),
  minute: fc.integer({ min: 0, max: 90 }),
  second: fc.integer({ min: 0, max: 59 }),
  overall: fc.integer({ min: 1, max: 5 }),
  appVersion: fc.option(fc.constantFrom('1.0.0', '1.1.0'), { nil: null }),
  pendingCount: fc.option(fc.nat({ max: 9 }), { nil: null }),
});

function toItem(
  campaignId: string,
  clientIds: string[],
  r: {
    device: string;
    client: number;
    minute: number;
    second: number;
    overall: number;
    appVersion: string | null;
    pendingCount: number | null;
  },
): Item {
  const completed = new Date(BASE + (r.minute * 60 + r.second) * 1000);
  return {
    tokenHash: r.device,
    clientId: clientIds[r.client] ?? randomUUID(),
    campaignId,
    formId: 3,
    answers: { OV: r.overall },
    payloadHash: `h${r.overall}`,
    startedAt: new Date(completed.getTime() - 30_000).toISOString(),
    completedAt: completed.toISOString(),
    partial: false,
    procedureName: null,
    appVersion: r.appVersion,
    pendingCount: r.pendingCount,
  };
}

type Outcome = { outcome: string; review_state: string | null; payload_hash: string | null };

async function sequential(pool: pg.Pool, items: Item[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const s of items) {
    const res = await pool.query<Outcome>(
      'select outcome, review_state, payload_hash from kiosk_submit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
      [
        s.tokenHash,
        s.clientId,
        s.campaignId,
        s.formId,
        JSON.stringify(s.answers),
        s.payloadHash,
        s.startedAt,
        s.completedAt,
        s.partial,
        s.procedureName,
        s.appVersion,
        s.pendingCount,
      ],
    );
    out.push(res.rows[0] ?? { outcome: 'none', review_state: null, payload_hash: null });
  }
  return out;
}

async function batched(pool: pg.Pool, items: Item[]): Promise<Outcome[]> {
  const res = await pool.query<Outcome & { idx: number }>(
    'select idx, outcome, review_state, payload_hash from kiosk_submit_batch($1::jsonb)',
    [JSON.stringify(items)],
  );
  return items.map((_, i) => {
    const r = res.rows.find((x) => x.idx === i);
    return r
      ? { outcome: r.outcome, review_state: r.review_state, payload_hash: r.payload_hash }
      : { outcome: 'none', review_state: null, payload_hash: null };
  });
}

const stored = (pool: pg.Pool, campaignId: string) =>
  pool
    .query(
      `select client_id, review_state, flags, review_reason, source_id is not null as has_source from responses where campaign_id = $1 order by client_id`,
      [campaignId],
    )
    .then((r) => r.rows);
const devices = (pool: pg.Pool) =>
  pool
    .query(`select device_token_hash, app_version, pending_count, last_seen_at is not null as seen from kiosk_devices order by 1`)
    .then((r) => r.rows);

describe('kiosk_submit_batch', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let seqPool: pg.Pool;
  let batchPool: pg.Pool;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    seqPool = createPool(a.url, 1);
    batchPool = createPool(b.url, 1);
  });
  afterAll(async () => {
    await Promise.all([seqPool.end(), batchPool.end()]);
    await Promise.all([a.drop(), b.drop()]);
  });

  test.prop([fc.array(fc.array(itemArb, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 3 })], { numRuns: 60 })(
    'gives each session the same outcome, flags and reason as one kiosk_submit call per item, in order',
    async (batches) => {
      for (const p of [seqPool, batchPool])
        await p.query('delete from responses; delete from kiosk_devices; delete from campaigns');
      const [ca, cb] = [await setUp(seqPool), await setUp(batchPool)];
      const clientIds = Array.from({ length: CLIENTS }, () => randomUUID());
      for (const raw of batches) {
        // The API sorts a batch by token hash; kiosk_submit is called in that same order.
        const sorted = [...raw].sort((x, y) => (x.device < y.device ? -1 : x.device > y.device ? 1 : 0));
        const seq = await sequential(
          seqPool,
          sorted.map((r) => toItem(ca, clientIds, r)),
        );
        const bat = await batched(
          batchPool,
          sorted.map((r) => toItem(cb, clientIds, r)),
        );
        expect(bat).toEqual(seq);
      }
      expect(await stored(batchPool, cb)).toEqual(await stored(seqPool, ca));
      expect(await devices(batchPool)).toEqual(await devices(seqPool));
    },
  );
});
