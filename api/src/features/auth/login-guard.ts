/**
 * The installation-wide side of login limits: failed logins of the last 10 minutes, counted across
 * every API process (SharedCounter: Redis, falling back to this process's count). Above
 * ATTACK_THRESHOLD the per-account schedule turns strict (lockout.ts, UNDER_ATTACK_BASE_S): a spray
 * of guesses over many accounts is slowed to about one guess per account per minute, without
 * refusing people who have not mistyped.
 */
import type { Redis } from 'ioredis';
import { SharedCounter } from '../../lib/shared-counter.ts';

export const ATTACK_THRESHOLD = 100;
export const ATTACK_WINDOW_MS = 10 * 60_000;

export class LoginGuard {
  private readonly counter: SharedCounter;

  constructor(redis: Redis, keyPrefix: string) {
    this.counter = new SharedCounter(redis, { keyPrefix: `${keyPrefix}:login-failed`, windowMs: ATTACK_WINDOW_MS });
  }

  async underAttack(): Promise<boolean> {
    const [n = 0] = await this.counter.counts(['all']);
    return n >= ATTACK_THRESHOLD;
  }

  async failed(): Promise<void> {
    await this.counter.add(['all']);
  }
}
