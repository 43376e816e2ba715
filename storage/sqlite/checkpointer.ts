import { Worker } from 'node:worker_threads';
import { sqliteDriver } from './driver.js';
import type { Db } from '../open-database.js';

/** How often the worker copies the WAL back into the ledger file. */
export const CHECKPOINT_MS = 100;
/**
 * The main connection checkpoints by itself only past this many WAL pages (80 MB): a safety net
 * for a worker that fell behind or died, not the normal path.
 */
export const MAIN_AUTOCHECKPOINT_PAGES = 20_000;

/**
 * Checkpoints a WAL ledger from a worker thread with a connection of its own, so that no commit
 * on the main thread pays for copying the WAL into the file (SQLite's automatic checkpoint runs
 * inside the commit that crosses 1,000 pages, and held the event loop for tens of milliseconds
 * in the middle of the morning's chase). A PASSIVE checkpoint never blocks the writer or the
 * readers; the writer restarts the WAL once it has been copied whole.
 * Opt-in (`DUBAN_SQLITE_CHECKPOINT=worker`); the default keeps SQLite's own checkpoints inside
 * commits. With the worker the WAL is bounded only by the worker's pace: on a nearly full disk a
 * burst of writes let it grow into all free space, after which nothing could be checkpointed
 * (the ledger file could not grow) and the bot stayed unable to write after space returned
 * (test/reliability/disk-full.test.ts). SQLite's 1,000-page limit keeps the WAL small.
 */
export class Checkpointer {
  private stopped: Promise<void> | undefined;
  private exited = false;

  private constructor(private readonly worker: Worker) {
    worker.once('exit', () => {
      this.exited = true;
    });
  }

  static start(db: Db, env: NodeJS.ProcessEnv = process.env): Checkpointer | undefined {
    if (db.memory || env.DUBAN_SQLITE_CHECKPOINT !== 'worker') return undefined;
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const db = new Database(workerData.file);
       db.pragma('synchronous = NORMAL');
       let runs = 0;
       const timer = setInterval(() => {
         try {
           db.pragma('wal_checkpoint(PASSIVE)');
           runs += 1;
         } catch {
           // The file is busy or gone: the next tick tries again, and the main connection's own checkpoint is the safety net.
         }
       }, workerData.ms);
       parentPort.on('message', (m) => {
         if (m === 'checkpoint') {
           try { db.pragma('wal_checkpoint(PASSIVE)'); runs += 1; } catch {}
           parentPort.postMessage({ runs });
           return;
         }
         clearInterval(timer);
         db.close();
         parentPort.close();
       });`,
      { eval: true, workerData: { driver: sqliteDriver().path, file: db.name, ms: CHECKPOINT_MS } },
    );
    worker.unref();
    worker.on('error', () => db.pragma(`wal_autocheckpoint = 1000`));
    db.pragma(`wal_autocheckpoint = ${MAIN_AUTOCHECKPOINT_PAGES}`);
    return new Checkpointer(worker);
  }

  /** Runs one checkpoint now and says how many the worker has run (for tests). */
  checkpointNow(): Promise<{ runs: number }> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.postMessage('checkpoint');
    });
  }

  /** Stops the worker and closes its connection; the main connection then closes last. */
  stop(): Promise<void> {
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
