import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from '../../storage/sqlite/driver.js';
import { openStorage } from '../../storage/open-storage.js';
import { SqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import { startWithEnvFile } from '../support/start-with-env-file.js';
import { Checkpointer, checkpointMode, INLINE_AUTOCHECKPOINT_PAGES, MAIN_AUTOCHECKPOINT_PAGES, mainAutocheckpointPages, ROOMY_DISK_BYTES } from '../../storage/sqlite/checkpointer.js';

/** Rows of the audit log as the ledger file alone holds them (a copy without its WAL). */
function rowsInFileAlone(file: string, dir: string): number {
  const copy = join(dir, `copy-${Math.random()}.db`);
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // Before the first checkpoint the file alone does not even hold the tables.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").get()) return 0;
    return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const auditRow = (i: number) => ({ at: '2026-12-01T09:00:00.000+08:00', actorId: 'p-a', action: 'progress' as const, details: { i, pad: 'x'.repeat(200) }, source: { job: 'test' } });

async function writeAudit(s: SqliteStorage, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await s.transaction(async (r) => r.audit.append(auditRow(i)));
}

/** The WAL header's checkpoint sequence (bytes 12–15): it goes up each time a writer restarts the WAL. */
const walSequence = (file: string) => readFileSync(`${file}-wal`).subarray(0, 16).readUInt32BE(12);

/** SQLite's own 1,000-page limit (as on a nearly full disk), and one commit that takes the WAL past a quarter of it: a settle then asks the worker. */
async function pastAQuarter(s: SqliteStorage): Promise<void> {
  s.checkpointer!.boundWal(0);
  await s.transaction(async (r) => {
    for (let i = 0; i < 4000; i++) await r.audit.append(auditRow(i));
  });
}

describe('the WAL is checkpointed off the main thread, and stays bounded', () => {
  const before = process.env.DUBAN_SQLITE_CHECKPOINT;
  beforeAll(() => {
    delete process.env.DUBAN_SQLITE_CHECKPOINT; // the default
  });
  afterAll(() => {
    if (before === undefined) delete process.env.DUBAN_SQLITE_CHECKPOINT;
    else process.env.DUBAN_SQLITE_CHECKPOINT = before;
  });
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'duban-ckpt-'));
    dirs.push(d);
    return d;
  };

  it('copies committed pages into the ledger file from the worker, while the main connection only keeps a safety net', async () => {
    const dir = fresh();
    const file = join(dir, 'ledger.db');
    const s = openStorage(file) as SqliteStorage;
    expect(s.checkpointer).toBeDefined();
    // The safety net is whatever the free space here allows, and in force on the connection.
    expect([MAIN_AUTOCHECKPOINT_PAGES, INLINE_AUTOCHECKPOINT_PAGES]).toContain(s.checkpointer!.mainLimitPages);
    expect(s.db.pragma('wal_autocheckpoint', { simple: true })).toBe(s.checkpointer!.mainLimitPages);
    await writeAudit(s, 50);
    // The main connection did not checkpoint by itself: what was written is still only in the WAL, unless the worker copied it.
    const ran = await s.checkpointer!.checkpointNow();
    expect(ran.runs).toBeGreaterThan(0);
    expect(rowsInFileAlone(file, dir)).toBe(50);
    await writeAudit(s, 10);
    await s.checkpointer!.checkpointNow();
    expect(rowsInFileAlone(file, dir)).toBe(60);
    await s.close();
    // Closed whole: the worker's connection is gone, so the file opens and counts the same.
    const db = new Database(file);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(60);
    db.close();
  });

  it('between a long job’s pages, waits for the WAL to be copied whole, so that the next commit restarts it', async () => {
    const dir = fresh();
    const file = join(dir, 'ledger.db');
    const sequence = () => walSequence(file);
    // Each round a new start (a settle asks the worker at most once per SETTLE_MS); the commit right
    // after the settle restarts the WAL only if everything before it was copied by then.
    for (let round = 0; round < 4; round++) {
      const s = openStorage(file) as SqliteStorage;
      await pastAQuarter(s);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan((INLINE_AUTOCHECKPOINT_PAGES / 4) * 4096);
      await writeAudit(s, 100);
      const before = sequence();
      await s.settle();
      await writeAudit(s, 1);
      expect(sequence()).toBe(before + 1);
      await s.close();
    }
  });

  it('restarts the WAL after a settle even when a commit came while the worker was copying it', async () => {
    const dir = fresh();
    const file = join(dir, 'ledger.db');
    const sequence = () => walSequence(file);
    const s = openStorage(file) as SqliteStorage;
    await pastAQuarter(s);
    // A reader's snapshot stands for what the chase met at full size: commits (the outbox marking
    // what it sent) made while the worker's checkpoint ran, which it could not copy.
    const reader = new Database(file, { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) AS n FROM audit_log').get();
    await writeAudit(s, 100);
    const before = sequence();
    await s.settle();
    reader.prepare('COMMIT').run();
    reader.close();
    // The next transaction begins on a WAL copied whole (the main connection copied the rest), so its commit restarts it.
    await writeAudit(s, 1);
    expect(sequence()).toBe(before + 1);
    await s.close();
  });

  it('does not make a long job wait on a small ledger: a WAL under a quarter of the limit is not settled', async () => {
    const dir = fresh();
    const file = join(dir, 'small.db');
    const spied = (s: SqliteStorage) => {
      const cp = s.checkpointer!;
      const asked: string[] = [];
      const real = cp.checkpointNow.bind(cp);
      cp.checkpointNow = (mode) => {
        asked.push(mode ?? 'checkpoint');
        return real(mode);
      };
      return asked;
    };
    const small = openStorage(file) as SqliteStorage;
    const notAsked = spied(small);
    await writeAudit(small, 100);
    expect(statSync(`${file}-wal`).size).toBeLessThan((small.checkpointer!.mainLimitPages / 4) * 4096);
    await small.settle();
    expect(notAsked).toEqual([]);
    await small.close();
    // The same ledger with a WAL past a quarter of SQLite's own limit: the worker is asked.
    const big = openStorage(file) as SqliteStorage;
    const asked = spied(big);
    await pastAQuarter(big);
    await big.settle();
    expect(asked).toEqual(['settle']);
    await big.close();
  });

  it('checkpoints on its own schedule without being asked', async () => {
    const dir = fresh();
    const file = join(dir, 'ledger.db');
    const s = openStorage(file) as SqliteStorage;
    await writeAudit(s, 20);
    const deadline = Date.now() + 5000;
    while (rowsInFileAlone(file, dir) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(rowsInFileAlone(file, dir)).toBe(20);
    await s.close();
  });

  it('lets the WAL grow to 80 MB only on a roomy disk, and keeps SQLite’s 4 MB once the disk fills or the worker is gone', async () => {
    const dir = fresh();
    const s = openStorage(join(dir, 'bounded.db')) as SqliteStorage;
    const c = s.checkpointer!;
    const limit = () => s.db.pragma('wal_autocheckpoint', { simple: true });
    c.boundWal(ROOMY_DISK_BYTES * 4);
    expect(limit()).toBe(MAIN_AUTOCHECKPOINT_PAGES);
    c.boundWal(ROOMY_DISK_BYTES - 1);
    expect(limit()).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    c.boundWal(ROOMY_DISK_BYTES);
    expect(limit()).toBe(MAIN_AUTOCHECKPOINT_PAGES);
    await c.stop();
    c.boundWal(ROOMY_DISK_BYTES * 4); // no worker any more: nothing else checkpoints
    expect(limit()).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    expect(mainAutocheckpointPages(0)).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    await s.close();
  });

  it('never creates a ledger file: a ledger deleted before the worker has opened it stays deleted', async () => {
    const dir = fresh();
    const file = join(dir, 'gone.db');
    const s = openStorage(file) as SqliteStorage;
    // Synchronously after the start, before the worker thread has run its first line.
    for (const x of ['', '-wal', '-shm']) rmSync(`${file}${x}`, { force: true });
    const until = Date.now() + 3000;
    while (Date.now() < until && !existsSync(file) && s.checkpointer!.mainLimitPages !== INLINE_AUTOCHECKPOINT_PAGES) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(file), 'the worker made a new, empty ledger where the deleted one was').toBe(false);
    // Without its connection nothing else checkpoints: the main connection keeps SQLite's own limit.
    expect(s.checkpointer!.mainLimitPages).toBe(INLINE_AUTOCHECKPOINT_PAGES);
    await s.close();
  });

  it('keeps SQLite’s own checkpoints when told to, and none for an in-memory ledger', async () => {
    const dir = fresh();
    const db = new Database(join(dir, 'inline.db'));
    db.pragma('journal_mode = WAL');
    expect(Checkpointer.start(db, { DUBAN_SQLITE_CHECKPOINT: 'inline' })).toBeUndefined();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
    expect(checkpointMode(undefined)).toBe('worker');
    expect(checkpointMode(' worker ')).toBe('worker');
    expect(checkpointMode('inline')).toBe('inline');
    expect(() => checkpointMode('off')).toThrow('DUBAN_SQLITE_CHECKPOINT=off 无法识别：可选 worker（默认）或 inline。');
    const mem = openStorage(':memory:') as SqliteStorage;
    expect(mem.checkpointer).toBeUndefined();
    await mem.close();
  });

  it('a DUBAN_SQLITE_CHECKPOINT in .env it does not know stops the bot with one clear line', () => {
    const r = startWithEnvFile('DUBAN_SQLITE_CHECKPOINT', 'off');
    expect(r.stderr.trim()).toBe('督办助手无法启动：DUBAN_SQLITE_CHECKPOINT=off 无法识别：可选 worker（默认）或 inline。');
    expect(r.status).toBe(2);
  });
});
