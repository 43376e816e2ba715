import type pg from 'pg';
import { pgDriver } from './pg-driver.js';
import type { ChangeChannel, ChangeFeed } from '../contracts/storage.js';
import type { Dialect } from './dialect.js';

/** The PostgreSQL channel behind each change channel. */
export const CHANNELS: Record<ChangeChannel, string> = { inbox: 'duban_inbox', cache: 'duban_cache' };

/** Wait before connecting again after the listening connection was lost (real time). */
const RECONNECT_MS = 1_000;

/**
 * LISTEN on a connection of its own (not from the pool). While it is down, `live` is false
 * (caches stop trusting what they hold) and it connects again every second; each new
 * connection raises `epoch`, so whatever was cached before is dropped.
 */
export class PgListener implements ChangeFeed {
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, Array<(payload: string) => void>>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  live = false;
  epoch = 0;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly dialect: Dialect,
  ) {}

  on(channel: ChangeChannel, fn: (payload: string) => void): void {
    const name = CHANNELS[channel];
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
  }

  /** Connects and listens; a failure is retried in the background. */
  async start(): Promise<void> {
    if (this.closed || this.client) return;
    const c = new (pgDriver().Client)(this.config);
    c.on('error', () => this.lost(c));
    c.on('end', () => this.lost(c));
    c.on('notification', (n) => {
      for (const fn of this.handlers.get(n.channel) ?? []) fn(n.payload ?? '');
    });
    this.client = c;
    try {
      await c.connect();
      for (const name of Object.values(CHANNELS)) await c.query(this.dialect.listen(name));
      if (this.client !== c) return;
      this.epoch += 1;
      this.live = true;
    } catch {
      this.lost(c);
    }
  }

  private lost(c: pg.Client): void {
    if (this.client !== c) return;
    this.client = undefined;
    this.live = false;
    c.end().catch(() => undefined);
    // Whatever was missed while down: every holder looks again, every cache starts over.
    for (const fns of this.handlers.values()) for (const fn of fns) fn('');
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, RECONNECT_MS);
    this.timer.unref();
  }

  /** Ends the listening connection as if the network dropped it (tests). */
  drop(): void {
    if (this.client) this.lost(this.client);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = undefined;
    this.live = false;
    if (c) await c.end().catch(() => undefined);
  }
}
