/** How many messages a sender may send at once, and how fast the allowance comes back. */
export interface ThrottleSettings {
  /** Messages accepted back to back before the sender is refused. */
  burst: number;
  /** Messages per minute the allowance refills at. */
  perMinute: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { burst: 10, perMinute: 20 };

/** `ok`: handle it; `refuse`: answer once that the sender is too fast; `drop`: say nothing. */
export type ThrottleDecision = 'ok' | 'refuse' | 'drop';

interface Bucket {
  tokens: number;
  at: number;
  refused: boolean;
}

/**
 * Per-sender limits at the front door, so that one account cannot flood the ledger or the
 * outbox (and with it everyone else's answers): a token bucket per sender with one short
 * refusal when it runs dry, and an unregistered account answered once per day per chat.
 * In memory: a restart forgets it, which errs towards answering.
 */
export class SenderThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly unregisteredAnswered = new Set<string>();
  private unregisteredDay = '';

  constructor(private readonly settings: ThrottleSettings = DEFAULT_THROTTLE) {}

  /** Takes one message from the sender's allowance. */
  take(sender: string, nowMs: number): ThrottleDecision {
    const { burst, perMinute } = this.settings;
    let b = this.buckets.get(sender);
    if (!b) {
      if (this.buckets.size > 50_000) this.prune(nowMs);
      b = { tokens: burst, at: nowMs, refused: false };
      this.buckets.set(sender, b);
    }
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, nowMs - b.at) * perMinute) / 60_000);
    b.at = nowMs;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.refused = false;
      return 'ok';
    }
    if (b.refused) return 'drop';
    b.refused = true;
    return 'refuse';
  }

  /** True the first time an unregistered sender is seen in a chat on a given day. */
  firstUnregisteredToday(sender: string, chatId: string, day: string): boolean {
    if (day !== this.unregisteredDay) {
      this.unregisteredAnswered.clear();
      this.unregisteredDay = day;
    }
    const key = `${sender}\u0000${chatId}`;
    if (this.unregisteredAnswered.has(key)) return false;
    if (this.unregisteredAnswered.size > 100_000) this.unregisteredAnswered.clear();
    this.unregisteredAnswered.add(key);
    return true;
  }

  /** Drops buckets that have filled up again: they behave exactly like new ones. */
  private prune(nowMs: number): void {
    const { burst, perMinute } = this.settings;
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((nowMs - b.at) * perMinute) / 60_000 >= burst) this.buckets.delete(k);
    }
  }
}
