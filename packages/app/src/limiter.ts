/** Attempt limiting (ASVS v5.0.0-6.3.1): failures counted per key (an account, an address) in a sliding window. */

/** A sliding-window failure counter against an injected clock (in memory: one process). */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly now: () => Date,
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string): number[] {
    const t = this.now().getTime();
    const list = (this.failures.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.max]! + this.windowMs - this.now().getTime()) / 1000));
  }

  /** Counts a failure of the key. */
  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now().getTime());
    this.failures.set(key, list);
  }

  /** Forgets the key's failures (after a success). */
  reset(key: string): void {
    this.failures.delete(key);
  }
}
