/**
 * The live tallies (folded tallies + pending tail, migration 0007) must equal a GROUP BY over the
 * valid responses after ANY interleaving of inserts, review decisions, deletes and folds — including
 * folds racing review decisions on other connections. The answer totals over the days (migration
 * 0043) equal the day rows at every step (`tallyMismatch`), with compactions among the operations.
 */
import { randomUUID } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, runMigrations, seed, createDb, startEmbeddedPostgres } from '@hailong/db';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { foldAll, newCampaign, tallyMismatch } from './support/tallies.ts';

const STATES = ['valid', 'suspect', 'pending', 'invalid'] as const;

type Op =
  | { kind: 'insert'; unit: number; state: (typeof STATES)[number]; answers: Record<string, number | string>; day: number }
  | { kind: 'review'; pick: number; state: (typeof STATES)[number] }
  | { kind: 'delete'; pick: number }
  | { kind: 'fold'; batch: number; units: number | null }
  | { kind: 'compact' };

const answersArb = fc.record(
  { Q1: fc.integer({ min: 1, max: 5 }), Q2: fc.constantFrom(1, 3, 5, ''), Q3: fc.constantFrom('a', 'b') },
  { requiredKeys: ['Q1'] },
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      unit: fc.integer({ min: 1, max: 3 }),
      state: fc.constantFrom(...STATES),
      answers: answersArb,
      day: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('review' as const), pick: fc.nat(), state: fc.constantFrom(...STATES) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fold' as const),
      batch: fc.integer({ min: 1, max: 4 }),
      // The embedded worker's calls by units (migration 0045), or any rows.
      units: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
);

async function insert(q: pg.Pool | pg.PoolClient, campaignId: string, op: Extract<Op, { kind: 'insert' }>): Promise<string> {
  const res = await q.query<{ id: string }>(
    `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, review_state, completed_at)
     values ($1, $2, 3, $3, 'kiosk', $4, 'x', $5, timestamptz '2021-11-03T03:00:00Z' + make_interval(days => $6)) returning id`,
    [randomUUID(), campaignId, op.unit, JSON.stringify(op.answers), op.state, op.day],
  );
  return res.rows[0]?.id ?? '';
}

describe('tally folding on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url, 6);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  test.prop([fc.array(opArb, { minLength: 1, maxLength: 25 })], { numRuns: 40 })(
    'counts stay exact after any sequence of inserts, review decisions, deletes and folds',
    async (ops) => {
      const campaignId = await newCampaign(pool, 'fold');
      const ids: string[] = [];
      for (const op of ops) {
        if (op.kind === 'insert') ids.push(await insert(pool, campaignId, op));
        else if (op.kind === 'review' && ids.length > 0)
          await pool.query('update responses set review_state = $2 where id = $1', [ids[op.pick % ids.length], op.state]);
        else if (op.kind === 'delete' && ids.length > 0)
          await pool.query('delete from responses where id = $1', ids.splice(op.pick % ids.length, 1));
        else if (op.kind === 'fold') await pool.query('select responses_tally_fold($1, $2)', [op.batch, op.units]);
        else if (op.kind === 'compact') await pool.query('select answer_tally_totals_compact()');
        expect(await tallyMismatch(pool, [campaignId], 'answer_tallies_live')).toEqual([]);
      }
      await foldAll(pool);
      expect(await tallyMismatch(pool, [campaignId], 'answer_tallies')).toEqual([]);
    },
  );

  it('stays exact when folds race review decisions on other connections', async () => {
    const campaignId = await newCampaign(pool, 'fold');
    const ids: string[] = [];
    for (let i = 0; i < 300; i++)
      ids.push(
        await insert(pool, campaignId, {
          kind: 'insert',
          unit: 1 + (i % 3),
          state: 'valid',
          answers: { Q1: 1 + (i % 5) },
          day: i % 2,
        }),
      );
    const reviewer = async (offset: number) => {
      for (let i = offset; i < ids.length; i += 3) {
        const c = await pool.connect();
        try {
          await c.query('begin');
          await c.query("update responses set review_state = 'invalid' where id = $1", [ids[i]]);
          if (i % 2 === 0) await c.query("update responses set review_state = 'valid' where id = $1", [ids[i]]);
          await c.query('commit');
        } finally {
          c.release();
        }
      }
    };
    const folder = async (units: number | null) => {
      for (let i = 0; i < 60; i++) await pool.query('select responses_tally_fold(7, $1)', [units]);
    };
    const compactor = async () => {
      for (let i = 0; i < 30; i++) await pool.query('select answer_tally_totals_compact()');
    };
    await Promise.all([reviewer(0), reviewer(1), reviewer(2), folder(null), folder(1), compactor()]);
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies_live')).toEqual([]);
    await foldAll(pool);
    expect((await pool.query('select count(*)::int as n from tally_pending')).rows[0]).toEqual({ n: 0 });
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies')).toEqual([]);
  });

  it('a review decision on a response a running fold has claimed waits for the fold, then moves the counts', async () => {
    await foldAll(pool); // the fold takes any pending response: start from an empty tail
    const campaignId = await newCampaign(pool, 'fold');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(await insert(pool, campaignId, { kind: 'insert', unit: 1, state: 'valid', answers: { Q1: 2 + i }, day: 0 }));
    const folder = await pool.connect();
    try {
      await folder.query('begin');
      // The fold has claimed and counted the four responses, and has not committed.
      expect((await folder.query('select responses_tally_fold(100) as n')).rows[0]).toEqual({ n: 4 });
      let reviewed = false;
      const review = pool
        .query("update responses set review_state = 'invalid', answers = $2 where id = $1", [ids[0], JSON.stringify({ Q1: 1 })])
        .then(() => (reviewed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reviewed).toBe(false);
      await folder.query('commit');
      await review;
    } finally {
      folder.release();
    }
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies_live')).toEqual([]);
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies')).toEqual([]);
  });

  it('a review decision on a folded response does not wait for a fold of the same unit and answers on another day', async () => {
    await foldAll(pool); // the fold takes any pending response: start from an empty tail
    const campaignId = await newCampaign(pool, 'fold');
    const old = await insert(pool, campaignId, { kind: 'insert', unit: 3, state: 'valid', answers: { Q1: 5 }, day: 1 });
    await foldAll(pool);
    await insert(pool, campaignId, { kind: 'insert', unit: 3, state: 'valid', answers: { Q1: 5 }, day: 0 });
    const folder = await pool.connect();
    try {
      await folder.query('begin');
      // The fold has added to the unit's answer totals and has not committed.
      expect((await folder.query('select responses_tally_fold(100) as n')).rows[0]).toEqual({ n: 1 });
      const review = pool.query("update responses set review_state = 'invalid' where id = $1", [old]);
      const waited = await Promise.race([review.then(() => false), new Promise((resolve) => setTimeout(resolve, 2_000, true))]);
      expect(waited).toBe(false);
      await folder.query('commit');
    } finally {
      folder.release();
    }
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies')).toEqual([]);
    await pool.query('select answer_tally_totals_compact()');
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies')).toEqual([]);
  });

  it('a fold leaves a response whose review decision is not committed, and a fold that fails leaves its rows pending', async () => {
    await foldAll(pool); // the fold takes any pending response: start from an empty tail
    const campaignId = await newCampaign(pool, 'fold');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        await insert(pool, campaignId, { kind: 'insert', unit: 2, state: 'valid', answers: { Q1: 1 + i, Q3: 'a' }, day: 1 }),
      );
    const reviewer = await pool.connect();
    try {
      await reviewer.query('begin');
      await reviewer.query("update responses set review_state = 'suspect' where id = $1", [ids[1]]);
      expect((await pool.query('select responses_tally_fold(100) as n')).rows[0]).toEqual({ n: 2 });
      await reviewer.query('commit');
    } finally {
      reviewer.release();
    }
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies_live')).toEqual([]);
    await pool.query("update responses set review_state = 'valid' where id = $1", [ids[1]]);
    // A fold cut off before it commits: its claim goes with it, nothing is counted twice or lost.
    const folder = await pool.connect();
    try {
      await folder.query('begin');
      expect((await folder.query('select responses_tally_fold(100) as n')).rows[0]).toEqual({ n: 1 });
      await folder.query('rollback');
    } finally {
      folder.release();
    }
    const pending = await pool.query('select count(*)::int as n from tally_pending where response_id = any($1::uuid[])', [ids]);
    expect(pending.rows[0]).toEqual({ n: 1 });
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies_live')).toEqual([]);
    await foldAll(pool);
    expect(await tallyMismatch(pool, [campaignId], 'answer_tallies')).toEqual([]);
  });
});

describe('tally folding on embedded PGlite', () => {
  it('folds pending responses into the tallies', async () => {
    const pgl = await startEmbeddedPostgres(null, 4);
    const pool = createPool(pgl.url, 2);
    try {
      const db = createDb(pool);
      await runMigrations(db);
      await seed(db);
      const campaignId = await newCampaign(pool, 'fold');
      for (let i = 0; i < 5; i++)
        await insert(pool, campaignId, { kind: 'insert', unit: 1, state: 'valid', answers: { Q1: 4 }, day: 0 });
      expect(await tallyMismatch(pool, [campaignId], 'answer_tallies_live')).toEqual([]);
      expect((await pool.query('select responses_tally_fold(100) as n')).rows[0]).toEqual({ n: 5 });
      expect(await tallyMismatch(pool, [campaignId], 'answer_tallies')).toEqual([]);
    } finally {
      await pool.end();
      await pgl.stop();
    }
  }, 180_000); // every migration on the embedded database: slow on a loaded machine
});
