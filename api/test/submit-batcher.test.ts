/**
 * The submit batcher's batching (docs/0037-ingest-tail.md), with a stand-in pool that records each
 * call and answers it when the test opens its gate: submissions that reach the batcher in the same
 * turn of the event loop leave in one call. Sent inside the first submission's call, the first left
 * alone and the others waited for its round trip (under load, half the batches were of one
 * submission, each paying a whole call and commit).
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SubmitBatcher } from '../src/features/submissions/batcher.ts';

interface Item {
  n: number;
}
type Row = { idx: number; n: number };

/** A pool answering each call (one jsonb batch) once `open()` is called for it, in call order. */
function gatedPool() {
  const calls: number[][] = [];
  const gates: (() => void)[] = [];
  let called: () => void = () => undefined;
  const pool = {
    query: async (_sql: string, params: [string]) => {
      const items = JSON.parse(params[0]) as Item[];
      calls.push(items.map((i) => i.n));
      called();
      await new Promise<void>((r) => gates.push(r));
      return { rows: items.map((it, idx) => ({ idx, n: it.n })) };
    },
  };
  return {
    pool: pool as unknown as pg.Pool,
    calls,
    /** Resolves once the pool has received `count` calls. */
    calledTimes: (count: number) =>
      new Promise<void>((resolve) => {
        called = () => void (calls.length >= count && resolve());
        called();
      }),
    open: () => gates.shift()?.(),
  };
}

describe('SubmitBatcher', () => {
  it('sends the submissions of one event-loop turn together when no batch is in flight', async () => {
    const p = gatedPool();
    const batcher = new SubmitBatcher<Item, Row>(p.pool, { sql: 'select 1' });
    const pending = Promise.all([1, 2, 3].map((n) => batcher.submit({ n })));
    await p.calledTimes(1);
    expect(p.calls).toEqual([[1, 2, 3]]);
    p.open();
    expect((await pending).map((r) => r?.n)).toEqual([1, 2, 3]);
  });

  it('sends what arrived while a batch was in flight as one next batch once it returns, never two at once', async () => {
    const p = gatedPool();
    const batcher = new SubmitBatcher<Item, Row>(p.pool, { sql: 'select 1' });
    const first = batcher.submit({ n: 1 });
    await p.calledTimes(1);
    const later = [2, 3, 4].map((n) => batcher.submit({ n }));
    await new Promise((r) => setTimeout(r, 10));
    expect(p.calls).toEqual([[1]]);
    p.open();
    await p.calledTimes(2);
    p.open();
    expect((await Promise.all([first, ...later])).map((r) => r?.n)).toEqual([1, 2, 3, 4]);
    expect(p.calls).toEqual([[1], [2, 3, 4]]);
  });
});
