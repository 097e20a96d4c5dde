/**
 * The wrong-token limit of personal links (/s/<token>), shared by every API process through Redis
 * with a local fallback (SharedCounter). Unknown tokens are counted three ways in a 10-minute
 * window — per client address, per token prefix and for the whole installation — and once any
 * count is over its limit, further unknown tokens get 429 instead of 404.
 *
 * The guard is consulted only AFTER a token was looked up and found unknown: a valid link is always
 * served, so nobody — not a neighbour behind the same address, not someone sending wrong tokens
 * that share the link's first characters, not a flood from everywhere — can lock a respondent out.
 * That is safe because link tokens carry 256 bits (docs/0003-invitation-tokens.md): the limit is
 * there to stop scanning load and noise, not to make guessing feasible-but-slow.
 */
import type { Redis } from 'ioredis';
import { SharedCounter } from '../../lib/shared-counter.ts';

export interface BadTokenLimits {
  perAddress: number;
  perPrefix: number;
  global: number;
  windowMs: number;
}

export const BAD_TOKEN_LIMITS: BadTokenLimits = { perAddress: 20, perPrefix: 20, global: 1_000, windowMs: 10 * 60_000 };
/** Characters of a token that form its prefix (8 base64url characters = 48 bits). */
export const TOKEN_PREFIX_LENGTH = 8;

export class SharedBadTokenGuard {
  private readonly counter: SharedCounter;

  constructor(
    redis: Redis,
    keyPrefix: string,
    private readonly limits: BadTokenLimits = BAD_TOKEN_LIMITS,
  ) {
    this.counter = new SharedCounter(redis, { keyPrefix: `${keyPrefix}:bad-token`, windowMs: limits.windowMs });
  }

  /** Counts one unknown token; true when the caller must get 429 rather than 404. */
  async refuse(ip: string, token: string): Promise<boolean> {
    const things = [`ip:${ip}`, `prefix:${token.slice(0, TOKEN_PREFIX_LENGTH)}`, 'all'];
    await this.counter.add(things);
    const [byIp = 0, byPrefix = 0, all = 0] = await this.counter.counts(things);
    return byIp > this.limits.perAddress || byPrefix > this.limits.perPrefix || all > this.limits.global;
  }
}
