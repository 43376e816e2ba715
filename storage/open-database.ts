import { mkdirSync, accessSync, closeSync, constants, existsSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { sqliteDriver } from './sqlite/driver.js';

export type Db = Database.Database;

/** The database cannot be opened or used; the message says what to do. */
export class DatabaseOpenError extends Error {}

/** Opens (creating if needed) the SQLite file with WAL, foreign keys and a busy timeout. `:memory:` for tests. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    const dir = dirname(file);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (e) {
      throw new DatabaseOpenError(`数据目录 ${dir} 无法写入（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。请检查权限，或用 DUBAN_DB 指向可写的位置。`);
    }
    // SQLite would open a read-only file read-only without a word, and every message would
    // then go unanswered; the journal files must be writable too.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      if (!existsSync(f)) continue;
      try {
        closeSync(openSync(f, 'r+'));
      } catch (e) {
        throw new DatabaseOpenError(`数据库文件 ${f} 无法写入（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。请检查权限，或用 DUBAN_DB 指向可写的位置。`);
      }
    }
  }
  sqliteDriver(); // a DUBAN_SQLITE_DRIVER this Node cannot run is refused with its own message
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    throw new DatabaseOpenError(`数据库文件 ${file} 无法打开：${(e as Error).message}。如文件已损坏，请从备份恢复或改用新的 DUBAN_DB 路径。`);
  }
  return db;
}
