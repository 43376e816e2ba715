import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { Db } from '../open-database.js';
import { DatabaseOpenError } from '../open-database.js';

/**
 * The marker beside the ledger (`<db>.ledger`): which ledger lives here and the last inbox
 * sequence number known committed. It outlives the database file, so a ledger deleted or
 * replaced, and a WAL tail lost to corruption, are noticed at the next start.
 */
export interface LedgerMarker {
  ledgerId: string;
  lastInboxSeq: number;
  at: string;
}

export const markerPath = (file: string) => `${file}.ledger`;

export function readMarker(file: string): LedgerMarker | undefined {
  const p = markerPath(file);
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as LedgerMarker;
  } catch {
    return undefined;
  }
}

export function writeMarker(file: string, m: Omit<LedgerMarker, 'at'>): void {
  const p = markerPath(file);
  writeFileSync(`${p}.tmp`, `${JSON.stringify({ ...m, at: new Date().toISOString() })}\n`);
  renameSync(`${p}.tmp`, p);
}

export function ledgerIdOf(db: Db): string | undefined {
  return (db.prepare("SELECT value FROM meta WHERE key = 'ledger_id'").get() as { value: string } | undefined)?.value;
}

export function lastInboxSeq(db: Db): number {
  return (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'inbox'").get() as { seq: number } | undefined)?.seq ?? 0;
}

/** The ledger at start-up is not the one the marker knows. */
export class LedgerMismatchError extends DatabaseOpenError {}

const ACCEPT = '如确认要以当前数据库作为台账继续，请加 --new-ledger 启动；否则请从备份恢复（npm run restore -- 备份文件）。';

/**
 * Checks the ledger against its marker and brings the marker up to date. Refused unless
 * `acceptNew`: an empty ledger where one existed, a different ledger, or a ledger behind
 * the last commit the marker saw (a lost or corrupt WAL tail).
 */
export function checkMarker(db: Db, file: string, acceptNew: boolean): { ledgerId: string } {
  const marker = readMarker(file);
  let id = ledgerIdOf(db);
  const seq = lastInboxSeq(db);
  if (marker && !acceptNew) {
    if (id === undefined) {
      throw new LedgerMismatchError(`数据库 ${file} 是新建的空库，但标记文件 ${markerPath(file)} 表明此处原有台账（${marker.ledgerId}）：台账文件可能被删除或移走。${ACCEPT}`);
    }
    if (id !== marker.ledgerId) {
      throw new LedgerMismatchError(`数据库 ${file} 不是此处原有的台账（标记 ${marker.ledgerId}，数据库 ${id}）：文件可能被替换。${ACCEPT}`);
    }
    if (seq < marker.lastInboxSeq) {
      throw new LedgerMismatchError(`数据库 ${file} 缺少已确认收到的消息（标记记到第 ${marker.lastInboxSeq} 条，数据库只到第 ${seq} 条）：预写日志（WAL）末尾可能损坏或丢失。${ACCEPT}`);
    }
  }
  if (id === undefined) {
    id = randomUUID();
    db.prepare("INSERT INTO meta (key, value) VALUES ('ledger_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(id);
  }
  writeMarker(file, { ledgerId: id, lastInboxSeq: seq });
  return { ledgerId: id };
}

/** The file's identity: a delete-and-recreate or a replacement changes it. */
export function fileIdentity(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * SQLite's own consistency check; `quick_check` reads every page (it sees a bad page) but
 * skips the index-content comparison of `integrity_check`. Returns the problems found.
 */
export function quickCheck(db: Db): string[] {
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (e) {
    // So damaged that the check itself cannot run.
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown }).code))) return [(e as Error).message];
    throw e;
  }
}
