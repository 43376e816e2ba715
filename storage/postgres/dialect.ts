import type { Pool } from 'pg';

/**
 * The PostgreSQL-specific statements the backend relies on beyond plain SQL, in one table,
 * so that a PostgreSQL-compatible database (信创: openGauss, KingbaseES, HighGo …) that
 * spells one differently needs one entry changed. Everything else is standard SQL.
 */
export interface Dialect {
  name: string;
  /** Takes a session-level lock without waiting; one boolean column `ok`. Parameter: the lock key (bigint). */
  tryAdvisoryLock: string;
  /** Releases it; parameter: the key. */
  advisoryUnlock: string;
  /** Waits for a transaction-level lock, released at COMMIT/ROLLBACK; parameter: the key. */
  advisoryXactLock: string;
  /** Appended to a SELECT … FOR UPDATE to skip rows another transaction holds. */
  skipLocked: string;
  /** Starts listening on a channel (the channel name is an identifier, not a parameter). */
  listen: (channel: string) => string;
  /** Sends a notification; parameters: channel, payload. */
  notify: string;
}

export const POSTGRES: Dialect = {
  name: 'postgresql',
  tryAdvisoryLock: 'SELECT pg_try_advisory_lock(?::bigint) AS ok',
  advisoryUnlock: 'SELECT pg_advisory_unlock(?::bigint) AS ok',
  advisoryXactLock: 'SELECT pg_advisory_xact_lock(?::bigint)',
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  listen: (channel) => `LISTEN ${channel}`,
  notify: 'SELECT pg_notify(?, ?)',
};

/** KingbaseES names the advisory lock functions `sys_…` (documented, not tested here). */
export const KINGBASE: Dialect = {
  ...POSTGRES,
  name: 'kingbase',
  tryAdvisoryLock: 'SELECT sys_try_advisory_lock(?::bigint) AS ok',
  advisoryUnlock: 'SELECT sys_advisory_unlock(?::bigint) AS ok',
  advisoryXactLock: 'SELECT sys_advisory_xact_lock(?::bigint)',
};

export const DIALECTS: Record<string, Dialect> = { postgresql: POSTGRES, kingbase: KINGBASE, opengauss: { ...POSTGRES, name: 'opengauss' } };

export interface DialectCheck {
  feature: 'advisory locks' | 'SKIP LOCKED' | 'LISTEN/NOTIFY';
  ok: boolean;
  error?: string;
}

const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Tries each dialect statement once on a spare connection and says which work. */
export async function checkDialect(pool: Pool, d: Dialect): Promise<DialectCheck[]> {
  const client = await pool.connect();
  const out: DialectCheck[] = [];
  const attempt = async (feature: DialectCheck['feature'], fn: () => Promise<void>) => {
    try {
      await fn();
      out.push({ feature, ok: true });
    } catch (e) {
      out.push({ feature, ok: false, error: (e as Error).message });
      await client.query('ROLLBACK').catch(() => undefined);
    }
  };
  const key = '7264001';
  try {
    await attempt('advisory locks', async () => {
      await client.query(numbered(d.tryAdvisoryLock), [key]);
      await client.query(numbered(d.advisoryUnlock), [key]);
      await client.query('BEGIN');
      await client.query(numbered(d.advisoryXactLock), [key]);
      await client.query('COMMIT');
    });
    await attempt('SKIP LOCKED', async () => {
      await client.query('BEGIN');
      await client.query(`SELECT key FROM meta WHERE false ${d.skipLocked}`);
      await client.query('COMMIT');
    });
    await attempt('LISTEN/NOTIFY', async () => {
      await client.query(d.listen('duban_selfcheck'));
      await client.query(numbered(d.notify), ['duban_selfcheck', 'ok']);
      await client.query('UNLISTEN duban_selfcheck');
    });
  } finally {
    client.release();
  }
  return out;
}
