import type { Logger } from './logger.js';

/** How long writes must go on succeeding before an incident is reported over. */
export const RECOVERY_QUIET_MS = 2000;

/**
 * One ERROR line per incident, not per event: the first failure of a run of failures is
 * logged in full, the rest are counted, and the recovery is logged with the count.
 *
 * A recovery is reported only once no failure has followed the first success for
 * RECOVERY_QUIET_MS. A disk that is nearly full lets some writes through (a commit that fits in
 * the WAL's existing pages) between ones that fail; reporting each of those as a recovery and
 * the next failure as a new incident made one outage read as several.
 */
export class Incident {
  private failures = 0;
  private since: Date | undefined;
  private count = 0;
  private recovering: { at: Date; timer: NodeJS.Timeout } | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly quietMs = RECOVERY_QUIET_MS,
  ) {}

  get active(): boolean {
    return this.failures > 0;
  }

  /** How many incidents have begun (the current one's number while one lasts). */
  get number(): number {
    return this.count;
  }

  /** Records a failure; returns true for the first of an incident. */
  fail(error: unknown, context: Record<string, unknown> = {}): boolean {
    if (this.recovering) {
      clearTimeout(this.recovering.timer);
      this.recovering = undefined;
    }
    this.failures += 1;
    if (this.failures > 1) return false;
    this.count += 1;
    this.since = new Date();
    this.logger.error(`${this.what}（此后同类错误不再逐条记录，恢复时报告次数）`, { ...context, error });
    return true;
  }

  /** Records a success: the incident is over once no failure follows for the quiet period. */
  ok(): void {
    if (this.failures === 0 || this.recovering) return;
    const timer = setTimeout(() => this.settle(), this.quietMs);
    timer.unref();
    this.recovering = { at: new Date(), timer };
  }

  /** Reports a recovery that is still in its quiet period now (at shutdown). */
  settle(): void {
    if (!this.recovering) return;
    clearTimeout(this.recovering.timer);
    this.logger.info(`${this.what}：已恢复`, { failures: this.failures, since: this.since?.toISOString(), recoveredAt: this.recovering.at.toISOString() });
    this.failures = 0;
    this.since = undefined;
    this.recovering = undefined;
  }
}
