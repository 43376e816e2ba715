import type { Logger } from './logger.js';

/**
 * One ERROR line per incident, not per event: the first failure of a run of failures is
 * logged in full, the rest are counted, and the recovery is logged with the count.
 */
export class Incident {
  private failures = 0;
  private since: Date | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  get active(): boolean {
    return this.failures > 0;
  }

  /** Records a failure; returns true for the first of an incident. */
  fail(error: unknown, context: Record<string, unknown> = {}): boolean {
    this.failures += 1;
    if (this.failures > 1) return false;
    this.since = new Date();
    this.logger.error(`${this.what}（此后同类错误不再逐条记录，恢复时报告次数）`, { ...context, error });
    return true;
  }

  ok(): void {
    if (this.failures === 0) return;
    this.logger.info(`${this.what}：已恢复`, { failures: this.failures, since: this.since?.toISOString() });
    this.failures = 0;
    this.since = undefined;
  }
}
