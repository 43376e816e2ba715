import type pg from 'pg';
import { pgDriver } from './pg-driver.js';
import type { Leadership } from '../repositories.js';
import type { Dialect } from './dialect.js';

/** The advisory lock key of scheduler leadership. */
export const LEADER_LOCK = '7264003';

const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * Leadership by a session-level advisory lock on a connection of its own (not from the pool).
 * While held, each `holds()` pings that connection; if it fails or the server drops it, the
 * lock is gone with it (PostgreSQL releases session locks when the session ends), this
 * instance stops leading, and the next `holds()` of any instance can take the lead.
 */
export class PgLeadership implements Leadership {
  private client: pg.Client | undefined;
  private held = false;
  private closed = false;
  /** One question at a time: two at once would open two sessions, one holding the lock and lost. */
  private asking: Promise<boolean> | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly dialect: Dialect,
  ) {}

  holds(): Promise<boolean> {
    this.asking ??= this.ask().finally(() => (this.asking = undefined));
    return this.asking;
  }

  private async ask(): Promise<boolean> {
    if (this.closed) return false;
    try {
      if (this.held && this.client) {
        await this.client.query('SELECT 1');
        return this.held;
      }
      if (!this.client) {
        const c = new (pgDriver().Client)(this.config);
        c.on('error', () => this.lost(c));
        c.on('end', () => this.lost(c));
        await c.connect();
        this.client = c;
      }
      const r = await this.client.query<{ ok: boolean }>(numbered(this.dialect.tryAdvisoryLock), [LEADER_LOCK]);
      this.held = r.rows[0]?.ok === true;
    } catch {
      if (this.client) this.lost(this.client);
    }
    return this.held;
  }

  private lost(c: pg.Client): void {
    if (this.client !== c) return;
    this.held = false;
    this.client = undefined;
    c.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = undefined;
    this.held = false;
    if (c) await c.end().catch(() => undefined);
  }
}
