import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../open-database.js';
import { DatabaseOpenError } from '../open-database.js';

/** The process that serves a ledger, as recorded in it. */
export interface LeaseHolder {
  instanceId: string;
  pid: number;
  host: string;
  startedAt: string;
  heartbeatAt: string;
  /** The holder's last health report. */
  status: unknown;
}

/** A heartbeat older than this frees the lease (the holder crashed or hangs). */
export const LEASE_STALE_MS = 30_000;
/** How often the holder renews it. */
export const LEASE_HEARTBEAT_MS = 10_000;

const NAME = 'bot';

interface Row {
  instance_id: string;
  pid: number;
  host: string;
  started_at: string;
  heartbeat_at: string;
  status: string;
}

/** Reads who holds the lease, if anyone ever did. */
export function readLease(db: Db): LeaseHolder | undefined {
  const r = db.prepare('SELECT instance_id, pid, host, started_at, heartbeat_at, status FROM lease WHERE name = ?').get(NAME) as Row | undefined;
  if (!r) return undefined;
  let status: unknown = {};
  try {
    status = JSON.parse(r.status);
  } catch {
    status = {};
  }
  return { instanceId: r.instance_id, pid: r.pid, host: r.host, startedAt: r.started_at, heartbeatAt: r.heartbeat_at, status };
}

/**
 * Whether the holder still serves the ledger: its heartbeat is fresh and, when it runs on
 * this host, its process exists (a bot killed with -9 frees its lease at once on restart).
 */
export function leaseIsLive(h: LeaseHolder | undefined, nowMs: number = Date.now()): boolean {
  if (!h) return false;
  if (nowMs - Date.parse(h.heartbeatAt) > LEASE_STALE_MS) return false;
  if (h.host === hostname()) {
    if (h.pid === process.pid) return false;
    try {
      process.kill(h.pid, 0);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  return true;
}

export function describeHolder(h: LeaseHolder): string {
  return `进程 ${h.pid}，主机 ${h.host}，自 ${h.startedAt} 起运行，最近心跳 ${h.heartbeatAt}`;
}

/** Another bot serves this ledger. */
export class LedgerBusyError extends DatabaseOpenError {}

/**
 * One bot process per ledger. `acquire` takes the lease in one immediate transaction, or
 * refuses while another holder's heartbeat is fresh; the holder renews it with `heartbeat`
 * and gives it up with `release` on a clean stop.
 */
export class Lease {
  readonly instanceId = randomUUID();

  private constructor(private readonly db: Db) {}

  static acquire(db: Db, file: string, nowMs: number = Date.now()): Lease {
    const lease = new Lease(db);
    const at = new Date(nowMs).toISOString();
    db.transaction(() => {
      const holder = readLease(db);
      if (holder && leaseIsLive(holder, nowMs)) {
        throw new LedgerBusyError(
          `另一个督办助手正在使用数据库 ${file}（${describeHolder(holder)}）。同一台账只能由一个机器人进程服务；请先停止该进程，或用 DUBAN_DB 指向另一个数据库。定时任务可用 npm run job 在旁运行。`,
        );
      }
      db.prepare(`INSERT INTO lease (name, instance_id, pid, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)
                  ON CONFLICT (name) DO UPDATE SET instance_id = excluded.instance_id, pid = excluded.pid, host = excluded.host,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at`).run(NAME, lease.instanceId, process.pid, hostname(), at, at);
    }).immediate();
    return lease;
  }

  /** Renews the lease; false when another instance has taken it over (this one must stop). */
  heartbeat(status: unknown = {}, nowMs: number = Date.now()): boolean {
    const info = this.db.prepare('UPDATE lease SET heartbeat_at = ?, status = ? WHERE name = ? AND instance_id = ?').run(new Date(nowMs).toISOString(), JSON.stringify(status), NAME, this.instanceId);
    return info.changes === 1;
  }

  release(): void {
    try {
      this.db.prepare('DELETE FROM lease WHERE name = ? AND instance_id = ?').run(NAME, this.instanceId);
    } catch {
      // A ledger that cannot be written keeps the lease until it goes stale.
    }
  }
}
