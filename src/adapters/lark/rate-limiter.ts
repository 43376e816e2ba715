/** Time as the limiter sees it; tests give it a virtual clock whose sleep only moves time. */
export interface LimiterTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: LimiterTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * Sliding-window limits: at most `perTarget` sends to one chat or user, and `perApp` sends in
 * all, in any `windowMs`. Callers for the same target are served in order.
 */
export class SendRateLimiter {
  private readonly byTarget = new Map<string, number[]>();
  private app: number[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly perTarget = 5,
    private readonly perApp = 50,
    private readonly windowMs = 1000,
    private readonly time: LimiterTime = realTime,
  ) {}

  /** Resolves when a send to `target` may go; records it. */
  acquire(target: string): Promise<void> {
    const turn = this.chain.then(() => this.wait(target));
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  private async wait(target: string): Promise<void> {
    for (;;) {
      const now = this.time.now();
      const since = now - this.windowMs;
      const mine = (this.byTarget.get(target) ?? []).filter((t) => t > since);
      this.app = this.app.filter((t) => t > since);
      const blockedUntil = Math.max(
        mine.length >= this.perTarget ? (mine[0] ?? now) + this.windowMs : 0,
        this.app.length >= this.perApp ? (this.app[0] ?? now) + this.windowMs : 0,
      );
      if (blockedUntil <= now) {
        mine.push(now);
        this.byTarget.set(target, mine);
        this.app.push(now);
        if (this.byTarget.size > 10_000) this.byTarget.clear();
        return;
      }
      await this.time.sleep(blockedUntil - now);
    }
  }
}
