import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from '../../storage/sqlite/driver.js';
import { describe, expect, it } from 'vitest';
import { makeHarness } from '../support/harness.js';
import { LedgerGuard } from '../../storage/sqlite/ledger-guard.js';
import { openDatabase } from '../../storage/open-database.js';
import { lastInboxSeq, ledgerIdOf, markerPath, writeMarker } from '../../storage/sqlite/ledger-file.js';
import { backupLedger, listBackups, restoreLedger, verifyBackup } from '../../storage/sqlite/backup.js';
import { BackupSchedule } from '../../src/backup-schedule.js';
import { memoryLogger } from '../../src/core/logger.js';
import { FakeClock } from '../../src/core/clock.js';
import { instantAt } from '../../src/time/shanghai.js';
import { sqliteOf, sqliteStorageOf } from '../support/raw-sql.js';

const folder = () => mkdtempSync(join(tmpdir(), 'ledger-'));
const quiet = { acceptNew: false, onLost: () => undefined, onCorrupt: () => undefined };

/** A ledger with one task in it, closed cleanly (marker written, lease released). */
async function ledgerWithTask(file: string): Promise<void> {
  const h = await makeHarness({ dbFile: file });
  const guard = LedgerGuard.open(sqliteStorageOf(h.app), file, quiet);
  await h.say('孙丽', '交办 发改委 台账测试 12月31日');
  guard.stop();
  await h.close();
}

function start(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    input: '',
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DIRECTORY: '', DUBAN_CALENDAR: '', ...env },
    timeout: 60_000,
  });
}

describe('the ledger file', () => {
  it('notices at once when the file is deleted or replaced while running', async () => {
    const file = join(folder(), 'duban.db');
    const h = await makeHarness({ dbFile: file });
    const lost: string[] = [];
    const guard = LedgerGuard.open(sqliteStorageOf(h.app), file, { ...quiet, onLost: (m) => lost.push(m) });
    expect(guard.checkIdentity()).toBe(true);
    rmSync(file);
    expect(guard.checkIdentity()).toBe(false);
    expect(lost[0]).toContain('已被删除');
    expect(guard.health().ok).toBe(false);
    guard.stop();
    await h.close();
  });

  it('refuses an empty ledger where one existed, and a replaced one, unless --new-ledger', async () => {
    const d = folder();
    const file = join(d, 'duban.db');
    await ledgerWithTask(file);
    expect(existsSync(markerPath(file))).toBe(true);
    for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
    const gone = start({ DUBAN_DB: file });
    expect(gone.status).toBe(2);
    expect(gone.stderr).toContain('是新建的空库');
    expect(gone.stderr).toContain('--new-ledger');
    // Another ledger copied in its place.
    const other = join(d, 'other.db');
    await ledgerWithTask(other);
    copyFileSync(other, file);
    const replaced = start({ DUBAN_DB: file });
    expect(replaced.status).toBe(2);
    expect(replaced.stderr).toContain('不是此处原有的台账');
    expect(start({ DUBAN_DB: file }, ['--new-ledger']).status).toBe(0);
    expect(start({ DUBAN_DB: file }).status).toBe(0);
  }, 120_000);

  it('notices a lost WAL tail: commits the marker saw are missing from the database', async () => {
    const d = folder();
    const file = join(d, 'duban.db');
    const h = await makeHarness({ dbFile: file });
    LedgerGuard.open(sqliteStorageOf(h.app), file, quiet);
    await h.say('孙丽', '交办 发改委 第一件 12月31日');
    sqliteOf(h.app).pragma('wal_checkpoint(TRUNCATE)');
    await h.say('孙丽', '交办 发改委 第二件 12月31日'); // only in the WAL
    const db = sqliteOf(h.app);
    writeMarker(file, { ledgerId: ledgerIdOf(db) ?? '', lastInboxSeq: lastInboxSeq(db) }); // the marker knows both
    expect(lastInboxSeq(db)).toBe(2);
    // What a crash with a damaged WAL leaves: the main file, a WAL whose frames are bad.
    const copy = join(d, 'copy.db');
    copyFileSync(file, copy);
    const wal = readFileSync(`${file}-wal`);
    wal.fill(0x5a, 32);
    writeFileSync(`${copy}-wal`, wal);
    copyFileSync(markerPath(file), markerPath(copy));
    await h.close();
    const r = start({ DUBAN_DB: copy });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('缺少已确认收到的消息');
  }, 60_000);

  it('refuses a corrupt database at start-up (consistency check)', async () => {
    const d = folder();
    const file = join(d, 'duban.db');
    const h = await makeHarness({ dbFile: file });
    for (let i = 0; i < 40; i++) await h.say('孙丽', `交办 发改委 损坏测试${i} 12月31日`);
    await h.close();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x7f), 0, 4096 * 3, Math.floor(size / 4096 / 2) * 4096);
    closeSync(fd);
    const r = start({ DUBAN_DB: file });
    expect(r.stderr).toMatch(/已损坏|无法打开/);
    expect(r.status).toBe(2);
  }, 60_000);

  it('refuses a read-only database file in a writable folder, like a read-only folder', async () => {
    const file = join(folder(), 'duban.db');
    await ledgerWithTask(file);
    const root = process.getuid?.() === 0;
    const lock = root ? spawnSync('chattr', ['+i', file]) : undefined;
    if (root && lock?.status !== 0) return void console.warn('skipped: chattr +i is not available to make the file read-only for root');
    if (!root) spawnSync('chmod', ['0444', file]);
    try {
      expect(() => openDatabase(file)).toThrow(/数据库文件 .*duban\.db 无法写入（E(PERM|ACCES)）。请检查权限，或用 DUBAN_DB 指向可写的位置/);
    } finally {
      if (root) spawnSync('chattr', ['-i', file]);
    }
  });
});

describe('backups', () => {
  it('makes a verified online backup, keeps DUBAN_BACKUP_KEEP of them, and runs daily after hours', async () => {
    const d = folder();
    const file = join(d, 'duban.db');
    const h = await makeHarness({ dbFile: file });
    LedgerGuard.open(sqliteStorageOf(h.app), file, quiet);
    await h.say('孙丽', '交办 发改委 备份测试 12月31日');
    const dir = join(d, 'backups');
    for (const stamp of ['20261201-190000', '20261202-190000', '20261203-190000']) await backupLedger(sqliteOf(h.app), dir, { keep: 2, stamp });
    expect(listBackups(dir).map((f) => basename(f))).toEqual(['duban-20261203-190000.db', 'duban-20261202-190000.db']);
    expect(verifyBackup(listBackups(dir)[0] ?? '').userVersion).toBeGreaterThan(0);
    // The schedule: nothing during working hours, one backup at 19:00, none again that day.
    const clock = new FakeClock(instantAt('2026-12-07', '17:00'));
    const schedule = new BackupSchedule({ db: sqliteOf(h.app), dir, keep: 5, time: '19:00', clock, logger: memoryLogger() });
    await schedule.tick();
    expect(listBackups(dir)).toHaveLength(2);
    clock.set(instantAt('2026-12-07', '19:00'));
    await schedule.tick();
    await schedule.tick(instantAt('2026-12-07', '21:00'));
    expect(listBackups(dir).map((f) => basename(f))[0]).toBe('duban-20261207-190000.db');
    expect(listBackups(dir)).toHaveLength(3);
    await h.close();
  });

  it('restores a backup (refused while a bot holds the ledger), and the restored ledger starts', async () => {
    const d = folder();
    const file = join(d, 'duban.db');
    await ledgerWithTask(file);
    const db = new Database(file);
    const backup = join(d, 'b.db');
    await db.backup(backup);
    // A bot is running: a fresh lease held by a live process on this host.
    db.prepare(
      "INSERT INTO lease (name, instance_id, pid, host, started_at, heartbeat_at) VALUES ('bot', 'x', 1, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET pid = 1, host = excluded.host, heartbeat_at = excluded.heartbeat_at",
    ).run(hostname(), new Date().toISOString(), new Date().toISOString());
    db.close();
    expect(() => restoreLedger(backup, file)).toThrow(/督办助手正在使用.*请先停止机器人/);
    const lease = new Database(file);
    lease.prepare('DELETE FROM lease').run();
    lease.close();
    rmSync(file);
    // After the ledger was lost: the restore brings it back and the next start accepts it.
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/restore.ts', backup], { encoding: 'utf8', env: { ...process.env, DUBAN_DB: file } });
    expect(r.stdout).toContain('已从');
    expect(r.status).toBe(0);
    expect(start({ DUBAN_DB: file }).status).toBe(0);
    const restored = new Database(file, { readonly: true });
    expect(restored.prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: 1 });
    restored.close();
    const b = spawnSync(process.execPath, ['--import', 'tsx', 'src/backup.ts'], { encoding: 'utf8', env: { ...process.env, DUBAN_DB: file, DUBAN_BACKUP_DIR: join(d, 'manual') } });
    expect(b.stdout).toContain('备份完成并已校验');
    expect(listBackups(join(d, 'manual'))).toHaveLength(1);
  }, 120_000);
});
