import type Database from 'better-sqlite3';
import type { App } from '../../src/app.js';
import { SqliteStorage } from '../../storage/sqlite/sqlite-storage.js';

/**
 * The SQLite connection behind an app, for tests and the benchmark that inspect or damage the
 * database with raw SQL (the application itself only goes through the repositories).
 * Throws when the app runs on another backend, so such a test cannot silently pass there.
 */
export function sqliteOf(app: Pick<App, 'storage'>): Database.Database {
  if (!(app.storage instanceof SqliteStorage)) throw new Error(`raw SQLite access on a ${app.storage.backend} backend`);
  return app.storage.db;
}

/** The SQLite storage object itself, for tests of SQLite-only machinery (the ledger guard, a full disk). */
export function sqliteStorageOf(app: Pick<App, 'storage'>): SqliteStorage {
  if (!(app.storage instanceof SqliteStorage)) throw new Error(`SQLite storage expected, not ${app.storage.backend}`);
  return app.storage;
}
