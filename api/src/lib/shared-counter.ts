/**
 * Windowed counts shared by every API process: one Redis key per counted thing (atomic INCR +
 * PEXPIRE NX, so a window starts at the first count), so N replicas do not give N× the budget and
 * a restart does not reset it. Keys are hashes — neither tokens nor addresses are stored in clear.
 *
 * Redis may not decide whether a respondent gets an answer (DESIGN: no Redis on the response
 * path), so every Redis step fails open to an in-memory count kept by this process too: when Redis
 * is down, slow (> `timeoutMs`) or not connected yet, the local count decides.
 */
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

export interface SharedCounterOptions {
  /** Namespace of the keys (the installation's queue prefix + the counter's purpose). */
  keyPrefix: string;
  windowMs: number;
  /** Longest wait for Redis before the local count decides. */
  timeoutMs?: number;
  /** Most keys kept in memory before expired ones are pruned. */
  localKeys?: number;
}

/** The in-memory fallback: counts per key within a window that starts at the first count. */
export class LocalCounter {
  private readonly hits = new Map<string, { n: number; since: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  private entry(key: string, now: number): { n: number; since: number } {
    let e = this.hits.get(key);
    if (!e || now - e.since > this.windowMs) {
      e = { n: 0, since: now };
      this.hits.set(key, e);
    }
    return e;
  }

  count(key: string, now = Date.now()): number {
    return this.entry(key, now).n;
  }

  add(key: string, now = Date.now()): number {
    const e = this.entry(key, now);
    e.n += 1;
    if (this.hits.size > this.maxKeys) this.prune(now);
    return e.n;
  }

  private prune(now: number): void {
    for (const [k, e] of this.hits) if (now - e.since > this.windowMs) this.hits.delete(k);
  }
}

export class SharedCounter {
  readonly local: LocalCounter;
  private readonly timeoutMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly opts: SharedCounterOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? 250;
    this.local = new LocalCounter(opts.windowMs, opts.localKeys);
  }

  /** The Redis key of a counted thing: a hash, so the thing itself is never stored. */
  key(thing: string): string {
    return `${this.opts.keyPrefix}:${createHash('sha256').update(`${this.opts.keyPrefix}:${thing}`).digest('base64url').slice(0, 22)}`;
  }

  /** The current count of each thing (shared when Redis answers, else this process's own). */
  async counts(things: string[]): Promise<number[]> {
    const shared = await this.shared(async () =>
      (await this.redis.mget(...things.map((t) => this.key(t)))).map((v) => Number(v ?? 0)),
    );
    return shared ?? things.map((t) => this.local.count(t));
  }

  /** Counts one more of each thing. */
  async add(things: string[]): Promise<void> {
    for (const t of things) this.local.add(t);
    await this.shared(async () => {
      const multi = this.redis.multi();
      for (const t of things) multi.incr(this.key(t)).pexpire(this.key(t), this.opts.windowMs, 'NX');
      const res = await multi.exec();
      const err = res?.find(([e]) => e)?.[0];
      if (err) throw err;
      return 0;
    });
  }

  /** Runs a Redis step; undefined (= use the local count) if Redis is not ready, fails or is slow. */
  private async shared<T>(step: () => Promise<T>): Promise<T | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.timeoutMs);
    });
    try {
      return await Promise.race([step(), timeout]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
