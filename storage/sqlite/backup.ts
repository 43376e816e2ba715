import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from './driver.js';
import type { Db } from '../open-database.js';
import { lastInboxSeq, ledgerIdOf, quickCheck, writeMarker } from './ledger-file.js';
import { describeHolder, leaseIsLive, readLease } from './lease.js';

const NAME = /^duban-(\d{8})-(\d{6})\.db$/;

/** A backup or a restore that cannot be done; the message says why and what to do. */
export class BackupError extends Error {}

/** What a verified backup holds. */
export interface BackupInfo {
  file: string;
  ledgerId?: string;
  userVersion: number;
  lastInboxSeq: number;
}

/** Opens the file read-only and runs the consistency check; throws a BackupError when it fails. */
export function verifyBackup(file: string): BackupInfo {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = quickCheck(db);
    if (problems.length > 0) throw new BackupError(`备份文件 ${file} 校验未通过：${problems.slice(0, 3).join('；')}`);
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (userVersion === 0) throw new BackupError(`备份文件 ${file} 不是督办助手的台账。`);
    return { file, ledgerId: ledgerIdOf(db), userVersion, lastInboxSeq: lastInboxSeq(db) };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`备份文件 ${file} 无法打开或已损坏：${(e as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Backups in the folder, newest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse()
    .map((f) => join(dir, f));
}

/** The Shanghai date (YYYY-MM-DD) of the newest backup in the folder. */
export function newestBackupDate(dir: string): string | undefined {
  const m = NAME.exec(listBackups(dir)[0]?.split('/').at(-1) ?? '');
  return m?.[1] ? `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}` : undefined;
}

/**
 * An online backup of the open ledger (SQLite's backup API: the bot keeps working), written
 * under a temporary name, verified, then renamed; older backups beyond `keep` are deleted.
 * `stamp` is the Shanghai wall-clock time, YYYYMMDD-HHMMSS.
 */
export async function backupLedger(db: Db, dir: string, o: { keep: number; stamp: string }): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `duban-${o.stamp}.db`);
  const tmp = `${target}.partial`;
  try {
    await db.backup(tmp);
    const info = verifyBackup(tmp);
    renameSync(tmp, target);
    for (const old of listBackups(dir).slice(o.keep)) rmSync(old, { force: true });
    return { ...info, file: target };
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof BackupError) throw e;
    throw new BackupError(`备份失败（${(e as Error).message}）。请检查备份目录 ${dir} 是否可写、空间是否足够。`);
  }
}

/**
 * Puts a verified backup in place of the ledger, refusing while a bot serves it. The marker
 * beside the ledger is rewritten for the restored file, so the next start accepts it.
 */
export function restoreLedger(backup: string, target: string): BackupInfo {
  const info = verifyBackup(backup);
  if (existsSync(target)) {
    const db = new Database(target, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 2000');
      const hasLease = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lease'").get() !== undefined;
      const holder = hasLease ? readLease(db) : undefined;
      if (holder && leaseIsLive(holder)) {
        throw new BackupError(`督办助手正在使用 ${target}（${describeHolder(holder)}）。请先停止机器人，再恢复备份。`);
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    // Keep what is replaced, in case the wrong backup was chosen.
    copyFileSync(target, `${target}.before-restore`);
  }
  const tmp = `${target}.restoring`;
  copyFileSync(backup, tmp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  if (info.ledgerId) writeMarker(target, { ledgerId: info.ledgerId, lastInboxSeq: info.lastInboxSeq });
  else rmSync(`${target}.ledger`, { force: true });
  return info;
}
