/**
 * Pending rows carry what their response counts for (migration 0042): unit, form, day and the
 * countable answers, written by the insert trigger and rewritten by every update of a pending
 * response. The fold and the live views read only these rows, so an edit of a pending response —
 * new answers, another unit, day or campaign, a review decision and back — must reach them: the live
 * counts must equal a GROUP BY over `responses` after any such sequence, and so must the folded ones.
 */
import { randomUUID } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, runMigrations, seed, startEmbeddedPostgres } from '@hailong/db';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { foldAll, newCampaign, tallyMismatch } from './support/tallies.ts';

type Answers = Record<string, number | string | boolean | null | number[]>;

type Op =
  | { kind: 'insert'; unit: number; answers: Answers; day: number }
  | { kind: 'edit'; pick: number; unit: number; answers: Answers; day: number; otherCampaign: boolean }
  | { kind: 'review'; pick: number; state: 'valid' | 'suspect' | 'invalid' }
  | { kind: 'fold'; batch: number };

// Every JSON shape an answer can take: the tallies count `value #>> '{}'` without blank, '' and [].
const answerArb = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.constantFrom('', 'a', 'na', '[]', 'ý kiến'),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([] as number[], [1, 2]),
);
const answersArb: fc.Arbitrary<Answers> = fc.dictionary(fc.constantFrom('Q1', 'Q2', 'Q3', 'OV'), answerArb, { maxKeys: 4 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      unit: fc.integer({ min: 1, max: 3 }),
      answers: answersArb,
      day: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pick: fc.nat(),
      unit: fc.integer({ min: 1, max: 3 }),
      answers: answersArb,
      day: fc.integer({ min: 0, max: 2 }),
      otherCampaign: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      pick: fc.nat(),
      state: fc.constantFrom('valid' as const, 'suspect' as const, 'invalid' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fold' as const), batch: fc.integer({ min: 1, max: 4 }) }) },
);

const at = (day: number) => `2021-11-0${3 + day}T03:00:00Z`;

async function apply(q: pg.Pool, campaigns: [string, string], ids: string[], op: Op): Promise<void> {
  if (op.kind === 'insert') {
    const res = await q.query<{ id: string }>(
      `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, review_state, completed_at)
       values ($1, $2, 3, $3, 'kiosk', $4, 'x', 'valid', $5) returning id`,
      [randomUUID(), campaigns[0], op.unit, JSON.stringify(op.answers), at(op.day)],
    );
    ids.push(res.rows[0]?.id ?? '');
  } else if (op.kind === 'edit' && ids.length > 0) {
    await q.query('update responses set campaign_id = $2, unit_id = $3, answers = $4, completed_at = $5 where id = $1', [
      ids[op.pick % ids.length],
      campaigns[op.otherCampaign ? 1 : 0],
      op.unit,
      JSON.stringify(op.answers),
      at(op.day),
    ]);
  } else if (op.kind === 'review' && ids.length > 0) {
    await q.query('update responses set review_state = $2 where id = $1', [ids[op.pick % ids.length], op.state]);
  } else if (op.kind === 'fold') {
    await q.query('select responses_tally_fold($1)', [op.batch]);
  }
}

async function checkSequence(q: pg.Pool, ops: Op[]): Promise<void> {
  const campaigns: [string, string] = [await newCampaign(q, 'pending rows'), await newCampaign(q, 'pending rows')];
  const ids: string[] = [];
  for (const op of ops) {
    await apply(q, campaigns, ids, op);
    expect(await tallyMismatch(q, campaigns, 'answer_tallies_live')).toEqual([]);
  }
  await foldAll(q);
  expect(await tallyMismatch(q, campaigns, 'answer_tallies')).toEqual([]);
}

describe('pending rows on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url, 2);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  test.prop([fc.array(opArb, { minLength: 1, maxLength: 20 })], { numRuns: 30 })(
    'an edited pending response counts by its new answers, unit, day and campaign, before and after the fold',
    (ops) => checkSequence(pool, ops),
  );

  it('a pending row holds the countable answers of its response and nothing else', async () => {
    const campaign = await newCampaign(pool, 'pending rows');
    const answers = { Q1: 4, Q2: '', Q3: [], OV: 'ý kiến', X: null, Y: true, Z: [1, 2] };
    const res = await pool.query<{ id: string }>(
      `insert into responses (client_id, campaign_id, form_id, unit_id, channel, answers, payload_hash, review_state, completed_at)
       values ($1, $2, 3, 2, 'kiosk', $3, 'x', 'valid', '2021-11-03T20:00:00Z') returning id`,
      [randomUUID(), campaign, JSON.stringify(answers)],
    );
    const row = await pool.query(
      `select valid, unit_id, form_id, to_char(day, 'YYYY-MM-DD') as day, question_ids, answer_texts from tally_pending where response_id = $1`,
      [res.rows[0]?.id],
    );
    // 20:00 UTC is 03:00 the next day in Việt Nam: the day the tallies and the campaign window use.
    expect(row.rows[0]).toEqual({
      valid: true,
      unit_id: 2,
      form_id: 3,
      day: '2021-11-04',
      question_ids: ['Y', 'Z', 'OV', 'Q1'], // in jsonb's key order
      answer_texts: ['true', '[1, 2]', 'ý kiến', '4'],
    });
  });
});

describe('pending rows on embedded PGlite', () => {
  it('an edited pending response counts by its new row, before and after the fold', async () => {
    const pgl = await startEmbeddedPostgres(null, 4);
    const pool = createPool(pgl.url, 2);
    try {
      const db = createDb(pool);
      await runMigrations(db);
      await seed(db);
      await checkSequence(pool, [
        { kind: 'insert', unit: 1, answers: { Q1: 4, Q2: '' }, day: 0 },
        { kind: 'insert', unit: 2, answers: { Q1: 5, OV: 'a' }, day: 1 },
        { kind: 'edit', pick: 0, unit: 3, answers: { Q1: 2, Q3: [1] }, day: 2, otherCampaign: false },
        { kind: 'review', pick: 1, state: 'suspect' },
        { kind: 'fold', batch: 1 },
        { kind: 'edit', pick: 1, unit: 1, answers: { Q1: 1 }, day: 0, otherCampaign: true },
        { kind: 'review', pick: 1, state: 'valid' },
        { kind: 'edit', pick: 0, unit: 1, answers: { OV: true }, day: 1, otherCampaign: true },
        { kind: 'fold', batch: 4 },
      ]);
    } finally {
      await pool.end();
      await pgl.stop();
    }
  }, 180_000); // every migration on the embedded database: slow on a loaded machine
});
