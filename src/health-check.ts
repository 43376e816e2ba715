import { existsSync } from 'node:fs';
import Database, { sqliteDriver } from '../storage/sqlite/driver.js';
import { leaseIsLive, readLease } from '../storage/sqlite/lease.js';
import { quickCheck } from '../storage/sqlite/ledger-file.js';

/** What `npm start -- --health` prints (one JSON object) and its exit code: 0 when all is well. */
export function healthCheck(file: string): { code: number; report: Record<string, unknown> } {
  if (!existsSync(file)) return { code: 1, report: { ok: false, ledger: { ok: false, file, detail: '数据库文件不存在' }, driver: driverReport() } };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 2000');
    const problems = quickCheck(db);
    const ledger = { ok: problems.length === 0, file, detail: problems.length === 0 ? 'quick_check ok' : problems.slice(0, 3).join('; ') };
    const hasLease = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lease'").get() !== undefined;
    const holder = hasLease ? readLease(db) : undefined;
    const live = leaseIsLive(holder);
    const lease = holder
      ? { ok: live, pid: holder.pid, host: holder.host, startedAt: holder.startedAt, heartbeatAt: holder.heartbeatAt, detail: live ? 'bot running' : 'stale: no bot is running' }
      : { ok: false, detail: 'no bot has run on this ledger' };
    const status = (holder?.status ?? {}) as { platforms?: Array<{ ok: boolean }> };
    const platforms = live ? (status.platforms ?? []) : [];
    const ok = ledger.ok && lease.ok && platforms.every((p) => p.ok);
    return { code: ok ? 0 : 1, report: { ok, ledger, lease, platforms, driver: driverReport() } };
  } catch (e) {
    return { code: 1, report: { ok: false, ledger: { ok: false, file, detail: (e as Error).message }, driver: driverReport() } };
  } finally {
    db?.close();
  }
}

/** The SQLite driver and Node in use, as `--health` and `/healthz` report them. */
export function driverReport(): Record<string, string> {
  try {
    const d = sqliteDriver();
    return { name: 'better-sqlite3', version: d.version, node: d.node, chosen: d.reason };
  } catch (e) {
    return { name: 'better-sqlite3', node: process.versions.node, error: (e as Error).message };
  }
}
