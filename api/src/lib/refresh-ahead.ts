/**
 * One cached lookup with a time to live, refreshed ahead: an entry past half its life is looked up
 * again in the background while it is still served, so under steady traffic no request waits for the
 * lookup (each expiry used to hold up every request of the few milliseconds the lookup took: a step in
 * the kiosk benchmark's p99). No entry is served past its TTL, nor once `valid` refuses it; then
 * requests wait for the lookup, one lookup for all of them.
 */
export class RefreshAhead<T> {
  private entry: { at: number; value: T } | null = null;
  private lookup: Promise<T> | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly find: () => Promise<T>,
    /** Whether a value may still be served at `now` (e.g. the campaign has not closed meanwhile). */
    private readonly valid: (value: T, now: number) => boolean = () => true,
  ) {}

  get(now: number): Promise<T> {
    const hit = this.entry;
    const fresh = hit !== null && now - hit.at < this.ttlMs && this.valid(hit.value, now);
    if (fresh && now - hit.at < this.ttlMs / 2) return Promise.resolve(hit.value);
    const lookup = this.lookup ?? this.start(now);
    return fresh ? Promise.resolve(hit.value) : lookup;
  }

  private start(now: number): Promise<T> {
    const lookup = this.find();
    this.lookup = lookup;
    lookup.then(
      (value) => {
        // Its age counts from when the lookup started.
        this.entry = { at: now, value };
        this.lookup = null;
      },
      () => {
        this.lookup = null;
      },
    );
    return lookup;
  }
}
