import { realTime, type LimiterTime } from '../pacing/limiter-time.js';

/** Marks the end of a send: its slot in the window counts from then on. */
export type Release = () => void;

interface Slot {
  /** When the send finished; Infinity while it is in flight. */
  at: number;
}

/**
 * Sliding-window limits: at most `perTarget` sends to one chat or user, and `perApp` sends in
 * all, in any `windowMs`, measured where Lark measures them (on arrival). A send's slot counts
 * from the moment its answer came back, not from when it left: the request arrived somewhere
 * in between, so however long the network took, no two arrivals `perTarget` apart fall inside
 * one window. Callers for the same target are served in order.
 */
export class SendRateLimiter {
  private readonly byTarget = new Map<string, Slot[]>();
  private app: Slot[] = [];
  private chain: Promise<void> = Promise.resolve();
  private released: { promise: Promise<void>; resolve: () => void } = deferred();

  constructor(
    private readonly perTarget = 5,
    private readonly perApp = 50,
    private readonly windowMs = 1000,
    private readonly time: LimiterTime = realTime,
  ) {}

  /** Resolves when a send to `target` may go; call the returned release when its answer is back. */
  acquire(target: string): Promise<Release> {
    const turn = this.chain.then(() => this.wait(target));
    this.chain = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async wait(target: string): Promise<Release> {
    for (;;) {
      const now = this.time.now();
      const since = now - this.windowMs;
      const mine = (this.byTarget.get(target) ?? []).filter((s) => s.at > since);
      this.app = this.app.filter((s) => s.at > since);
      const blockedUntil = Math.max(freeAt(mine, this.perTarget, this.windowMs), freeAt(this.app, this.perApp, this.windowMs));
      if (blockedUntil <= now) {
        const slot: Slot = { at: Infinity };
        mine.push(slot);
        this.byTarget.set(target, mine);
        this.app.push(slot);
        if (this.byTarget.size > 10_000) this.byTarget.clear();
        return () => this.release(slot);
      }
      if (blockedUntil === Infinity) await this.released.promise;
      else await this.time.sleep(blockedUntil - now);
    }
  }

  private release(slot: Slot): void {
    if (slot.at !== Infinity) return;
    slot.at = this.time.now();
    const r = this.released;
    this.released = deferred();
    r.resolve();
  }
}

/** When a window holding `slots` has room for one more under `limit` (0 when it has room now). */
function freeAt(slots: Slot[], limit: number, windowMs: number): number {
  if (slots.length < limit) return 0;
  const ats = slots.map((s) => s.at).sort((a, b) => a - b);
  return (ats[slots.length - limit] ?? 0) + windowMs;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
