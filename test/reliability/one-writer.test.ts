import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeLark, messageEvent, postEvent } from '../adapters/lark/fake-lark.js';
import { KEY, ou } from '../adapters/lark/lark-world.js';
import { startLarkBot, waitFor, writeLarkDirectory } from './bot-process.js';

const BOT = [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }];
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], { input: '', encoding: 'utf8', env: { ...process.env, DUBAN_DIRECTORY: '', DUBAN_CALENDAR: '', ...env }, timeout: 60_000 });

describe('one bot per ledger', () => {
  it('refuses a second bot while the first runs (naming its pid and host), lets npm run job work beside it, and reports health', async () => {
    const fake = new FakeLark();
    await fake.start();
    const dir = mkdtempSync(join(tmpdir(), 'lease-'));
    const db = join(dir, 'duban.db');
    const directory = writeLarkDirectory(dir);
    const bot = await startLarkBot({ db, directory, domain: fake.base });
    try {
      expect(bot.log()).toContain('督办助手已启动');
      // The start-up log and both health reports name the SQLite driver this Node runs.
      const line = Number(process.versions.node.split('.')[0]) >= 22 ? 13 : 12;
      expect(bot.log()).toMatch(new RegExp(`SQLite 驱动：better-sqlite3 ${line}\\.\\d+\\.\\d+ \\(Node ${process.versions.node}, auto\\)`));
      const driver = { name: 'better-sqlite3', version: expect.stringMatching(new RegExp(`^${line}\\.`)), node: process.versions.node, chosen: 'auto' };
      const second = run(['src/main.ts'], { DUBAN_DB: db, DUBAN_DIRECTORY: directory });
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`另一个督办助手正在使用数据库 ${db}（进程 ${bot.child.pid}，主机 ${hostname()}`);
      const job = run(['src/run-job.ts', 'daily-chase', '--at', '2026-12-07 09:00', '--dry-run'], { DUBAN_DB: db, DUBAN_DIRECTORY: directory });
      expect(job.stderr).not.toContain('另一个督办助手');
      expect(job.status).toBe(0);
      // Health: the webhook's /healthz, and the one-shot beside the running bot.
      const health = await fetch(bot.url.replace('/webhook/event', '/healthz'));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, ledger: { ok: true }, platforms: [{ platform: 'lark', ok: true }], driver });
      const oneShot = run(['src/main.ts', '--health'], { DUBAN_DB: db });
      expect(JSON.parse(oneShot.stdout)).toMatchObject({ ledger: { ok: true }, lease: { ok: true, pid: bot.child.pid }, driver });
    } finally {
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      await fake.stop();
    }
    // Stopped cleanly: the lease is free, and the one-shot says no bot runs.
    const after = run(['src/main.ts', '--health'], { DUBAN_DB: db });
    expect(after.status).toBe(1);
    expect(JSON.parse(after.stdout)).toMatchObject({ ledger: { ok: true }, lease: { ok: false } });
  }, 180_000);

  it('stops loudly when its ledger file is deleted while it runs', async () => {
    const fake = new FakeLark();
    await fake.start();
    const dir = mkdtempSync(join(tmpdir(), 'deleted-'));
    const db = join(dir, 'duban.db');
    const bot = await startLarkBot({ db, directory: writeLarkDirectory(dir), domain: fake.base });
    try {
      expect(bot.log()).toContain('督办助手已启动');
      for (const s of ['', '-wal', '-shm']) rmSync(`${db}${s}`, { force: true });
      // The next commit notices it (the periodic check would within 15 s anyway).
      await new Promise((r) => setTimeout(r, 1100));
      await postEvent(bot.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 帮助', mentions: BOT }), KEY).catch(() => undefined);
      expect(await waitFor(() => bot.child.exitCode !== null, 30_000)).toBe(true);
      expect((await bot.exited).code).toBe(3);
      expect(bot.log()).toMatch(/ERROR 台账文件 .* 已被删除/);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.stop();
    }
  }, 120_000);
});
