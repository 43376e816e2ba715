import type { OpenedStorage } from './contracts/storage.js';
import { DatabaseOpenError, openDatabase } from './open-database.js';
import { migrate } from './migrate.js';
import { SqliteStorage } from './sqlite/sqlite-storage.js';
import type { StatementObserver } from './sqlite/statements.js';
import { PgStorage, type PgStorageOptions } from './postgres/pg-storage.js';
export type { OpenedStorage } from './contracts/storage.js';

export interface OpenStorageOptions {
  /** SQLite only: told of every statement executed (the benchmark counts them). */
  statementObserver?: StatementObserver;
  /** PostgreSQL only: pool, TLS and dialect settings. */
  pg?: PgStorageOptions;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the storage named by `url` (DUBAN_DB): a `postgres://` or `postgresql://` URL opens
 * PostgreSQL, anything else is a SQLite file path (`:memory:` for tests). SQLite opens and
 * migrates synchronously and throws `DatabaseOpenError` at once; PostgreSQL connects in the
 * background and `ready()` reports the outcome (every transaction waits for it).
 */
export function openStorage(url: string, o: OpenStorageOptions = {}): OpenedStorage {
  if (isPostgresUrl(url)) return new PgStorage(url, o.pg);
  const db = openDatabase(url);
  try {
    migrate(db);
  } catch (e) {
    db.close();
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown }).code))) {
      throw new DatabaseOpenError(`数据库文件 ${url} 已损坏（${(e as Error).message}）。请从备份恢复（npm run restore -- 备份文件），或改用新的 DUBAN_DB 路径。`);
    }
    throw e;
  }
  return new SqliteStorage(db, o.statementObserver);
}
