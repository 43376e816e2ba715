import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sqliteDriver } from './driver.js';
import { DatabaseOpenError } from '../open-database.js';
import type { SqliteStorage } from './sqlite-storage.js';
import { LEASE_HEARTBEAT_MS, Lease } from './lease.js';
import { checkMarker, fileIdentity, lastInboxSeq, quickCheck, writeMarker } from './ledger-file.js';

/**
 * Ledgers up to this size are checked before start-up (about 0.1 s of CPU at 32 MiB); larger
 * ones in a worker, `BACKGROUND_CHECK_DELAY_MS` after the start. `quick_check` reads the whole
 * file (5 s at a million tasks): before start-up it would be most of the start, and right
 * after it it would share two cores with the inbox's resume and the scheduler's catch-up. The
 * daily backup runs `quick_check` on its copy too, so a large ledger is still checked every day.
 */
export const SYNC_CHECK_BYTES = 32 * 1024 * 1024;
/** How long after the start a large ledger's background corruption check begins. */
export const BACKGROUND_CHECK_DELAY_MS = 60_000;
/** How often the file's identity is checked besides after commits (well within a minute). */
export const IDENTITY_CHECK_MS = 15_000;

export interface LedgerGuardOptions {
  /** The operator said `--new-ledger`: accept an empty or different ledger here. */
  acceptNew: boolean;
  /** The ledger file was deleted or replaced, or another instance took the lease: stop now. */
  onLost(message: string): void;
  /** The background corruption check (large ledgers) found problems. */
  onCorrupt(message: string): void;
  /** Platform connections, stored with each heartbeat for `--health`. */
  status?: () => unknown;
}

export interface LedgerHealth {
  ok: boolean;
  file: string;
  detail: string;
}

/**
 * Guards one ledger file for a serving bot: at start-up a corruption check, the marker
 * check (deleted, replaced, WAL tail lost) and the lease; while running the heartbeat, the
 * file's identity (periodically and after commits) and the last-commit marker.
 */
export class LedgerGuard {
  private timers: NodeJS.Timeout[] = [];
  private lastCheck = 0;
  private markedSeq = -1;
  private lost: string | undefined;
  private corrupt: string | undefined;

  private constructor(
    private readonly sqlite: SqliteStorage,
    private readonly file: string,
    private readonly ledgerId: string,
    private readonly identity: string | undefined,
    readonly lease: Lease,
    private readonly o: LedgerGuardOptions,
  ) {}

  static open(sqlite: SqliteStorage, file: string, o: LedgerGuardOptions): LedgerGuard {
    const db = sqlite.db;
    const size = statSync(file).size;
    if (size <= SYNC_CHECK_BYTES) {
      const problems = quickCheck(db);
      if (problems.length > 0) throw new DatabaseOpenError(corruptMessage(file, problems));
    }
    const { ledgerId } = checkMarker(db, file, o.acceptNew);
    const lease = Lease.acquire(db, file);
    const guard = new LedgerGuard(sqlite, file, ledgerId, fileIdentity(file), lease, o);
    if (size > SYNC_CHECK_BYTES) guard.checkInBackground();
    return guard;
  }

  start(): void {
    this.sqlite.onCommit = () => this.afterCommit();
    const beat = setInterval(() => this.beat(), LEASE_HEARTBEAT_MS);
    const watch = setInterval(() => this.checkIdentity(), IDENTITY_CHECK_MS);
    beat.unref();
    watch.unref();
    this.timers.push(beat, watch);
  }

  /** Checks now that the file is still the one opened; false (and onLost) when not. */
  checkIdentity(): boolean {
    if (this.lost) return false;
    const now = fileIdentity(this.file);
    if (now === this.identity) return true;
    this.lose(
      now === undefined
        ? `台账文件 ${this.file} 已被删除，机器人停止运行以免记录丢失。请从备份恢复（npm run restore -- 备份文件）后再启动。`
        : `台账文件 ${this.file} 已被替换，机器人停止运行以免写入错误的台账。请确认正确的台账文件后再启动。`,
    );
    return false;
  }

  health(): LedgerHealth {
    const problem = this.lost ?? this.corrupt;
    return { ok: !problem, file: this.file, detail: problem ?? `ledger ${this.ledgerId}` };
  }

  /** Stops watching, brings the marker up to date and gives up the lease. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    this.sqlite.onCommit = undefined;
    if (this.lost) return;
    this.mark(true);
    this.lease.release();
  }

  private afterCommit(): void {
    const now = Date.now();
    if (now - this.lastCheck < 1000) return;
    this.lastCheck = now;
    if (this.checkIdentity()) this.mark(false);
  }

  /** The marker follows the inbox's sequence, written only after the commit that made it. */
  private mark(force: boolean): void {
    try {
      const seq = lastInboxSeq(this.sqlite.db);
      if (!force && seq === this.markedSeq) return;
      writeMarker(this.file, { ledgerId: this.ledgerId, lastInboxSeq: seq });
      this.markedSeq = seq;
    } catch {
      // A full disk refuses the marker too; the next commit tries again.
    }
  }

  private beat(): void {
    if (!this.checkIdentity()) return;
    try {
      if (!this.lease.heartbeat(this.o.status?.() ?? {})) {
        this.lose(`另一个督办助手进程接管了数据库 ${this.file} 的租约；本进程停止，以免两个进程同时发送。`);
      }
    } catch {
      // The ledger refuses writes (disk full): the inbox reports that incident; the lease goes stale meanwhile.
    }
    this.mark(false);
  }

  private lose(message: string): void {
    if (this.lost) return;
    this.lost = message;
    this.o.onLost(message);
  }

  private checkInBackground(): void {
    const later = setTimeout(() => this.checkInWorker(), BACKGROUND_CHECK_DELAY_MS);
    later.unref();
    this.timers.push(later);
  }

  private checkInWorker(): void {
    const driver = sqliteDriver().path;
    const w = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const db = new Database(workerData.file, { readonly: true });
       parentPort.postMessage(db.pragma('quick_check').map((r) => r.quick_check).filter((r) => r !== 'ok'));
       db.close();`,
      { eval: true, workerData: { driver, file: this.file } },
    );
    w.unref();
    w.on('message', (problems: string[]) => {
      if (problems.length === 0) return;
      this.corrupt = corruptMessage(this.file, problems);
      this.o.onCorrupt(this.corrupt);
    });
    w.on('error', (e) => this.o.onCorrupt(`台账一致性检查未能完成：${e.message}`));
  }
}

function corruptMessage(file: string, problems: string[]): string {
  return `数据库文件 ${file} 已损坏（一致性检查：${problems.slice(0, 3).join('；')}）。请停止机器人，从备份恢复（npm run restore -- 备份文件），或改用新的 DUBAN_DB 路径。`;
}
