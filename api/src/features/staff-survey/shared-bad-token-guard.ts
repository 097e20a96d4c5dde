/**
 * The wrong-token limit shared by every API process: counts live in Redis (one key per client
 * address, atomic INCR + PEXPIRE NX, so the window starts at the first wrong token exactly as in
 * BadTokenGuard), so N replicas do not give N× the guesses and a restart does not reset the count.
 *
 * Redis is not allowed to decide whether a respondent gets an answer (DESIGN: no Redis on the
 * response path), so every Redis step fails open to the in-memory BadTokenGuard, which always counts
 * too: if Redis is down, slow (> `timeoutMs`) or not connected yet, this process's own count limits.
 * Keys hold a hash of the address only — never the token.
 */
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { BadTokenGuard } from './bad-token-guard.ts';

export interface SharedGuardOptions {
  /** Namespace of the keys (the installation's queue prefix). */
  keyPrefix: string;
  max?: number;
  windowMs?: number;
  /** Longest wait for Redis before the local count decides. */
  timeoutMs?: number;
}

export class SharedBadTokenGuard {
  private readonly max: number;
  private readonly windowMs: number;
  private readonly timeoutMs: number;
  readonly local: BadTokenGuard;

  constructor(
    private readonly redis: Redis,
    private readonly opts: SharedGuardOptions,
  ) {
    this.max = opts.max ?? 20;
    this.windowMs = opts.windowMs ?? 10 * 60_000;
    this.timeoutMs = opts.timeoutMs ?? 250;
    this.local = new BadTokenGuard(this.max, this.windowMs);
  }

  /** The Redis key of an address: a hash, so neither tokens nor addresses are stored in clear. */
  key(ip: string): string {
    return `${this.opts.keyPrefix}:bad-token:${createHash('sha256').update(`bad-token:${ip}`).digest('base64url').slice(0, 22)}`;
  }

  async blocked(ip: string): Promise<boolean> {
    const n = await this.shared(async () => Number((await this.redis.get(this.key(ip))) ?? 0));
    return n === undefined ? this.local.blocked(ip) : n >= this.max;
  }

  async record(ip: string): Promise<void> {
    this.local.record(ip);
    const key = this.key(ip);
    await this.shared(async () => {
      const res = await this.redis.multi().incr(key).pexpire(key, this.windowMs, 'NX').exec();
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
