import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './open-database.js';
import { DatabaseOpenError } from './open-database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./sqlite/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered `NNN-name.sql` files, in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Brings the schema up to date. Each migration runs in one transaction together with the
 * `user_version` bump. A database newer than this code is refused.
 */
export function migrate(db: Db, migrations: Migration[] = listMigrations()): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new DatabaseOpenError(`数据库结构版本为 ${from}，本程序只支持到 ${latest}。该数据库来自更新的版本，请升级督办助手，或改用对应的数据库文件（DUBAN_DB）。`);
  }
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}
