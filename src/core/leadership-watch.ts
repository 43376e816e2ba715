import type { Leadership } from '../../storage/repositories.js';
import type { Logger } from './logger.js';

/** How often an instance asks whether it leads (real time): a standby takes over within about this long. */
export const LEADER_POLL_MS = 2_000;

/**
 * Watches this instance's leadership on a short timer, so that a standby takes the lead
 * within seconds of the leader's death (not at the scheduler's next minute), and so that what
 * only the leader may run (the scheduler's catch-up, the WeChat login) starts when the lead
 * is won and stops when it is lost. With SQLite the one process always leads.
 */
export class LeadershipWatch {
  private leads = false;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<boolean> | undefined;
  private readonly listeners: Array<(leads: boolean) => void | Promise<void>> = [];

  constructor(
    private readonly leadership: Leadership,
    private readonly logger: Logger,
    private readonly pollMs = LEADER_POLL_MS,
  ) {}

  /** Called with true when the lead is won and false when it is lost. */
  onChange(fn: (leads: boolean) => void | Promise<void>): void {
    this.listeners.push(fn);
  }

  get leading(): boolean {
    return this.leads;
  }

  /** Asks now; tells the listeners if the answer changed. */
  check(): Promise<boolean> {
    this.checking ??= (async () => {
      try {
        const now = await this.leadership.holds().catch(() => false);
        if (now !== this.leads) {
          this.leads = now;
          this.logger.info(now ? 'leadership: this instance leads' : 'leadership lost: another instance may lead now');
          for (const fn of this.listeners) {
            await Promise.resolve(fn(now)).catch((e: unknown) => this.logger.error('leadership change handler failed', { error: e }));
          }
        }
        return now;
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
