/** lib/refresh-ahead.ts: served from the cache until half its life, refreshed in the background until its end, never past it. */
import { describe, expect, it } from 'vitest';
import { RefreshAhead } from '../src/lib/refresh-ahead.ts';

function counter() {
  let calls = 0;
  let release: (() => void) | null = null;
  const find = () =>
    new Promise<number>((resolve) => {
      calls++;
      const value = calls;
      release = () => resolve(value);
    });
  return { find, calls: () => calls, release: () => release?.() };
}

describe('RefreshAhead', () => {
  it('waits for the first lookup, then serves the entry without a lookup until half its TTL', async () => {
    const c = counter();
    const cache = new RefreshAhead(1_000, c.find);
    const first = [cache.get(0), cache.get(10)];
    c.release();
    expect(await Promise.all(first)).toEqual([1, 1]);
    expect(await cache.get(499)).toBe(1);
    expect(c.calls()).toBe(1);
  });

  it('serves the entry at once past half its TTL while one lookup refreshes it', async () => {
    const c = counter();
    const cache = new RefreshAhead(1_000, c.find);
    const first = cache.get(0);
    c.release();
    await first;
    expect(await Promise.all([cache.get(500), cache.get(600), cache.get(999)])).toEqual([1, 1, 1]);
    expect(c.calls()).toBe(2);
    c.release();
    await new Promise((r) => setImmediate(r));
    expect(await cache.get(999)).toBe(2); // the refresh started at 500: no new lookup before 1,000
    expect(c.calls()).toBe(2);
  });

  it('never serves an entry past its TTL, nor one `valid` refuses: requests wait for one lookup', async () => {
    const c = counter();
    const cache = new RefreshAhead(1_000, c.find, (v, now) => v !== 1 || now < 300);
    const first = cache.get(0);
    c.release();
    await first;
    let served: number | undefined;
    const late = [cache.get(1_000), cache.get(1_001)];
    void late[0]?.then((v) => (served = v));
    await new Promise((r) => setImmediate(r));
    expect(served).toBeUndefined();
    c.release();
    expect(await Promise.all(late)).toEqual([2, 2]);
    expect(c.calls()).toBe(2);
  });

  it('looks up again after a failed lookup', async () => {
    let fail = true;
    const cache = new RefreshAhead(1_000, () => (fail ? Promise.reject(new Error('down')) : Promise.resolve(7)));
    await expect(cache.get(0)).rejects.toThrow('down');
    fail = false;
    expect(await cache.get(1)).toBe(7);
  });
});
