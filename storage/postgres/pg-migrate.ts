import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import { listMigrations, type Migration } from '../migrate.js';
import { DatabaseOpenError } from '../open-database.js';
import type { Dialect } from './dialect.js';

const PG_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Advisory lock key held while migrating, so that instances starting together migrate once. */
const MIGRATION_LOCK = '7264002';

export function listPgMigrations(dir = PG_MIGRATIONS_DIR): Migration[] {
  return listMigrations(dir);
}

const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * Brings the PostgreSQL schema up to date. Versions are recorded in `schema_migrations`; the
 * pending migrations run in one transaction with their records, under an advisory lock.
 * A database whose schema is newer than this code is refused.
 */
export async function migratePg(pool: Pool, dialect: Dialect, migrations: Migration[] = listPgMigrations()): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    // One transaction under a transaction-level advisory lock: instances starting together
    // migrate one after the other, and the later ones find nothing left to do.
    await client.query('BEGIN');
    let from = 0;
    const latest = migrations.at(-1)?.version ?? 0;
    try {
      await client.query(numbered(dialect.advisoryXactLock), [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      from = Number((await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
      if (from > latest) {
        throw new DatabaseOpenError(`数据库结构版本为 ${from}，本程序只支持到 ${latest}。该数据库来自更新的版本，请升级督办助手，或改用对应的数据库（DUBAN_DB）。`);
      }
      for (const m of migrations) {
        if (m.version <= from) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    return { from, to: Math.max(from, latest) };
  } finally {
    client.release();
  }
}
