import { realTime, type LimiterTime } from '../pacing/limiter-time.js';

export interface SendLimits {
  /** Minimum time between two messages to the same chat. */
  minIntervalMs: number;
  /** Most messages in any 60-second window, over all chats. */
  maxPerMinute: number;
}

/** The limiter was stopped while a send was waiting for its turn. */
export class LimiterStopped extends Error {
  constructor() {
    super('发送已停止');
    this.name = 'LimiterStopped';
  }
}

const WINDOW_MS = 60_000;

/**
 * Paces outgoing WeChat messages: a minimum interval per chat and a cap per sliding minute
 * over the whole account (WeChat restricts accounts that send in bursts). Callers are served
 * one at a time in arrival order; a turn is counted when it is granted.
 */
export class SendLimiter {
  private readonly lastByChat = new Map<string, number>();
  private readonly recent: number[] = [];
  private tail: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();

  constructor(
    private readonly limits: SendLimits,
    private readonly time: LimiterTime = realTime,
  ) {}

  /** Waits until a message to `chatId` may go out and counts it. Rejects with LimiterStopped after `stop()`. */
  acquire(chatId: string): Promise<void> {
    const turn = this.tail.then(() => this.waitTurn(chatId));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** How long a message to `chatId` would have to wait at `now`. */
  delayFor(chatId: string, now: number): number {
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - WINDOW_MS) this.recent.shift();
    const last = this.lastByChat.get(chatId);
    const perChat = last === undefined ? 0 : last + this.limits.minIntervalMs - now;
    const perMinute = this.recent.length >= this.limits.maxPerMinute ? (this.recent[0] ?? now) + WINDOW_MS - now : 0;
    return Math.max(0, perChat, perMinute);
  }

  /** Ends every wait; later calls to `acquire` reject at once. */
  stop(): void {
    this.abort.abort();
  }

  private async waitTurn(chatId: string): Promise<void> {
    for (;;) {
      if (this.abort.signal.aborted) throw new LimiterStopped();
      const now = this.time.now();
      const wait = this.delayFor(chatId, now);
      if (wait <= 0) {
        this.lastByChat.set(chatId, now);
        this.recent.push(now);
        return;
      }
      try {
        await this.time.sleep(wait, this.abort.signal);
      } catch {
        throw new LimiterStopped();
      }
    }
  }
}
