import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DriverChoiceError, sqliteDriver } from './driver.js';
import type { Db } from '../open-database.js';

/** How often the worker copies the WAL back into the ledger file. */
export const CHECKPOINT_MS = 100;
/** How often a long job waits between its pages for a checkpoint of everything committed (ms). */
export const SETTLE_MS = 250;
/** How long it waits at most for the worker's answer (ms). */
export const SETTLE_WAIT_MS = 1000;
/** SQLite's own limit: the commit that takes the WAL past this many pages (4 MB) checkpoints inline. */
export const INLINE_AUTOCHECKPOINT_PAGES = 1000;
/**
 * With the worker, the main connection checkpoints by itself only past this many WAL pages
 * (80 MB): a safety net for a worker that fell behind or died, not the normal path.
 */
export const MAIN_AUTOCHECKPOINT_PAGES = 20_000;
/**
 * The worker's WAL may grow to MAIN_AUTOCHECKPOINT_PAGES only while the ledger's file system has
 * at least this much free; below it the main connection keeps SQLite's 1,000-page limit.
 */
export const ROOMY_DISK_BYTES = 1024 ** 3;
/** How often the free space is looked at again. */
export const DISK_CHECK_MS = 5000;

/** The WAL file's size: its largest since the ledger was opened (SQLite reuses it from the start). */
function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

export type CheckpointMode = 'worker' | 'inline';

/** Reads DUBAN_SQLITE_CHECKPOINT; a value it does not know stops the start with one clear line. */
export function checkpointMode(value: string | undefined): CheckpointMode {
  const v = (value ?? '').trim();
  if (v === '' || v === 'worker') return 'worker';
  if (v === 'inline') return 'inline';
  throw new DriverChoiceError(`DUBAN_SQLITE_CHECKPOINT=${v} 无法识别：可选 worker（默认）或 inline。`);
}

/** The main connection's own checkpoint limit for a ledger whose file system has `freeBytes` left. */
export function mainAutocheckpointPages(freeBytes: number): number {
  return freeBytes >= ROOMY_DISK_BYTES ? MAIN_AUTOCHECKPOINT_PAGES : INLINE_AUTOCHECKPOINT_PAGES;
}

/** The ledger file's inode, or -1 if it is already gone (the worker then does not start). */
function inodeOf(file: string): number {
  try {
    return statSync(file).ino;
  } catch {
    return -1;
  }
}

function freeBytesAt(file: string): number {
  try {
    const s = statfsSync(dirname(file));
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return 0; // unknown: keep the WAL small
  }
}

/**
 * Checkpoints a WAL ledger from a worker thread with a connection of its own, so that no commit
 * on the main thread pays for copying the WAL into the file (SQLite's automatic checkpoint runs
 * inside the commit that crosses 1,000 pages, and held the event loop for tens of milliseconds
 * in the middle of the morning's chase). A PASSIVE checkpoint never blocks the writer or the
 * readers; the writer restarts the WAL once it has been copied whole.
 *
 * The WAL stays bounded. A PASSIVE checkpoint beside a writer that never pauses cannot finish
 * (the writer keeps appending), so the WAL would grow as long as the burst lasts: on a nearly
 * full disk it once grew into all free space, after which the ledger file could not grow, no
 * checkpoint could finish and the bot stayed unable to write (test/reliability/disk-full.test.ts).
 * So the main connection still checkpoints inline past a limit: 80 MB while the ledger's file
 * system has at least 1 GiB free, SQLite's own 4 MB below that (looked at every 5 s).
 * `DUBAN_SQLITE_CHECKPOINT=inline` leaves all checkpoints inside commits.
 */
export class Checkpointer {
  private stopped: Promise<void> | undefined;
  private exited = false;
  private pages = -1;
  private settled = Number.NEGATIVE_INFINITY;
  /** Tries left for the main connection's top-up after a settle (a busy one is tried once more). */
  private topUps = 0;
  private readonly pageBytes: number;
  private readonly disk: NodeJS.Timeout;

  private constructor(
    private readonly worker: Worker,
    private readonly db: Db,
  ) {
    this.pageBytes = Number(db.pragma('page_size', { simple: true }));
    worker.once('exit', () => {
      this.exited = true;
    });
    this.boundWal();
    this.disk = setInterval(() => this.boundWal(), DISK_CHECK_MS);
    this.disk.unref();
  }

  /** The main connection's checkpoint limit in force (for tests). */
  get mainLimitPages(): number {
    return this.pages;
  }

  /** Sets the main connection's limit from the free space now (a dead worker: SQLite's own). */
  boundWal(freeBytes = freeBytesAt(this.db.name)): void {
    const pages = this.exited ? INLINE_AUTOCHECKPOINT_PAGES : mainAutocheckpointPages(freeBytes);
    if (pages === this.pages || !this.db.open) return;
    this.db.pragma(`wal_autocheckpoint = ${pages}`);
    this.pages = pages;
  }

  static start(db: Db, env: NodeJS.ProcessEnv = process.env): Checkpointer | undefined {
    const mode = checkpointMode(env.DUBAN_SQLITE_CHECKPOINT); // a value it does not know is refused, whatever the ledger
    if (db.memory || mode === 'inline') return undefined;
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { statSync } = require('node:fs');
       const Database = require(workerData.driver);
       // Only the ledger the main connection opened: the thread starts a moment after it, and a
       // ledger deleted or replaced meanwhile must not get a new, empty file from here (the
       // ledger guard reports it; an error here leaves checkpoints to the main connection).
       const db = new Database(workerData.file, { fileMustExist: true });
       if (statSync(workerData.file).ino !== workerData.ino) {
         db.close();
         throw new Error('the ledger file was replaced before the checkpoint worker opened it');
       }
       db.pragma('synchronous = NORMAL');
       let runs = 0;
       const tick = () => {
         try {
           db.pragma('wal_checkpoint(PASSIVE)');
           runs += 1;
         } catch {
           // The file is busy or gone: the next tick tries again, and the main connection's own checkpoint is the safety net.
         }
       };
       let timer = setInterval(tick, workerData.ms);
       parentPort.on('message', (m) => {
         if (m === 'checkpoint' || m === 'settle') {
           try {
             db.pragma('wal_checkpoint(PASSIVE)');
             runs += 1;
             // What was committed while the first ran (the outbox marking sent rows): a second,
             // short one copies it, so that the WAL is whole and the next commit restarts it.
             // Never a RESTART checkpoint: it holds the writer's lock, and a command arriving then
             // would wait in SQLite's busy handler with the event loop held.
             if (m === 'settle') db.pragma('wal_checkpoint(PASSIVE)');
           } catch {}
           parentPort.postMessage({ runs });
           // The main connection copies what came after, just before its next transaction (topUp):
           // a checkpoint of this thread's own running then would make it fail as busy.
           if (m === 'settle') {
             clearInterval(timer);
             timer = setInterval(tick, workerData.ms);
           }
           return;
         }
         clearInterval(timer);
         db.close();
         parentPort.close();
       });`,
      { eval: true, workerData: { driver: sqliteDriver().path, file: db.name, ino: inodeOf(db.name), ms: CHECKPOINT_MS } },
    );
    worker.unref();
    const checkpointer = new Checkpointer(worker, db);
    worker.on('error', () => {
      checkpointer.exited = true;
      checkpointer.boundWal();
    });
    return checkpointer;
  }

  /** Runs one checkpoint now (a settle: two) and says how many the worker has run. */
  checkpointNow(mode: 'checkpoint' | 'settle' = 'checkpoint'): Promise<{ runs: number }> {
    return new Promise((resolve, reject) => {
      const done = (m: { runs: number }) => {
        this.worker.off('error', fail);
        resolve(m);
      };
      const fail = (e: unknown) => {
        this.worker.off('message', done);
        reject(e);
      };
      this.worker.once('message', done);
      this.worker.once('error', fail);
      this.worker.postMessage(mode);
    });
  }

  /**
   * Between the pages of a long job (the chase writes for tens of seconds): waits, without holding
   * the event loop, for the worker to copy the WAL up to the last commit, at most once per
   * SETTLE_MS. The worker's own checkpoints run beside a writer that never pauses, so they never
   * copy the WAL whole and it is never restarted; it then grew to the main connection's limit, whose
   * inline checkpoint held the event loop for 100–250 ms in the middle of the chase. A pause here
   * lets a checkpoint finish, and (with `topUp`) the next commit restarts the WAL.
   */
  async settle(): Promise<void> {
    const now = performance.now();
    if (this.exited || this.stopped || now - this.settled < SETTLE_MS) return;
    this.settled = now;
    // A WAL file that never grew past a quarter of the limit has never come near an inline
    // checkpoint: no wait (the file keeps its largest size, so this only spares small ledgers).
    if (walBytes(this.db.name) < (this.pages * this.pageBytes) / 4) return;
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    // A worker that does not answer must not stop the job: it goes on, with the main connection's limit as the net.
    const wait = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        late = true;
        resolve();
      }, SETTLE_WAIT_MS);
    });
    await Promise.race([
      this.checkpointNow('settle').then(
        () => {
          // A late answer: what came since may be much; the worker's next checkpoints copy it.
          if (!late) this.topUps = 2;
        },
        () => undefined,
      ),
      wait,
    ]);
    clearTimeout(timer);
  }

  /**
   * Just before the next transaction begins, after a settle the worker answered: copies on this
   * connection what was committed since the worker's checkpoint (the outbox marking what it sent,
   * a command: a few pages), so that the transaction begins on a WAL copied whole and its commit
   * restarts the WAL. Without it the restart was a race, lost whenever a commit came between the
   * worker's checkpoint and the next page; the WAL then grew to the main connection's limit and
   * its inline checkpoint held the event loop 70–110 ms once or twice a morning.
   */
  topUp(): void {
    if (this.topUps === 0) return;
    this.topUps -= 1;
    try {
      const r = this.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number }>;
      if (r[0]?.busy === 0) this.topUps = 0;
    } catch {
      // Busy or failing: the worker's next checkpoint, and the main connection's limit, remain.
    }
  }

  /** Stops the worker and closes its connection; the main connection then closes last. */
  stop(): Promise<void> {
    clearInterval(this.disk);
    if (this.exited) return Promise.resolve();
    this.stopped ??= new Promise<void>((resolve) => {
      // Held while it stops: an unreferenced worker would let the process end mid-shutdown.
      this.worker.ref();
      const force = setTimeout(() => void this.worker.terminate(), 2000);
      this.worker.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      this.worker.postMessage('stop');
    });
    return this.stopped;
  }
}
