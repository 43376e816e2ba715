import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** The tables (as `table`) whose rows hold `marker` anywhere, by reading every row of every table. */
export function tablesHolding(db: Database.Database, marker: string): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
  return tables.filter((t) => (db.prepare(`SELECT * FROM "${t.name}"`).all() as unknown[]).some((row) => JSON.stringify(row).includes(marker))).map((t) => t.name);
}

/** The files among the database, its -wal and -shm whose bytes contain `marker` (UTF-8). */
export function filesHolding(dbFile: string, marker: string): string[] {
  const needle = Buffer.from(marker, 'utf8');
  return [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].filter((f) => existsSync(f) && readFileSync(f).includes(needle));
}
