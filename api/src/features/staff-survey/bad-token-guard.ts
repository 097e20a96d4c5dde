/**
 * Slows down link guessing: an address that has presented more than `max` unknown tokens within
 * `windowMs` gets 429 on every /s/<token> request until the window passes. Valid links are never
 * counted, so a whole office behind one NAT address answering at once is not throttled. Per
 * process, in memory: the routes use SharedBadTokenGuard (Redis, shared by all replicas), which
 * falls back to this count whenever Redis is unavailable.
 */
export class BadTokenGuard {
  private readonly hits = new Map<string, { n: number; since: number }>();

  constructor(
    private readonly max = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  private entry(ip: string, now: number): { n: number; since: number } {
    let e = this.hits.get(ip);
    if (!e || now - e.since > this.windowMs) {
      e = { n: 0, since: now };
      this.hits.set(ip, e);
    }
    return e;
  }

  blocked(ip: string, now = Date.now()): boolean {
    return this.entry(ip, now).n >= this.max;
  }

  record(ip: string, now = Date.now()): void {
    this.entry(ip, now).n += 1;
    if (this.hits.size > 50_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [ip, e] of this.hits) if (now - e.since > this.windowMs) this.hits.delete(ip);
  }
}
