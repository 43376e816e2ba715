import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '../../storage/sqlite/driver.js';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeLark, messageEvent, postEvent } from '../adapters/lark/fake-lark.js';
import { KEY, ou } from '../adapters/lark/lark-world.js';
import { startLarkBot, waitFor, writeLarkDirectory } from './bot-process.js';

const BOT = [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }];

/** A small filesystem of the test's own: a 6 MiB tmpfs (needs root or CAP_SYS_ADMIN). */
function mountSmallDisk(): { dir: string; reason?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'diskfull-'));
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mnt], { encoding: 'utf8' });
  return r.status === 0 ? { dir: mnt } : { dir: mnt, reason: (r.stderr || r.error?.message || 'mount failed').trim() };
}

/** Fills the filesystem to the last byte; returns the filler file. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    for (let n = 4096; n >= 1; n = Math.floor(n / 2)) {
      try {
        for (;;) writeSync(fd, chunk, 0, n);
      } catch {
        // smaller pieces next
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

const disk = mountSmallDisk();
afterAll(() => {
  if (!disk.reason) spawnSync('umount', ['-l', disk.dir]);
});
if (disk.reason) console.warn(`disk-full test skipped: cannot mount a small tmpfs here (${disk.reason}); run as root to include it`);

describe('a full disk', () => {
  it.skipIf(Boolean(disk.reason))(
    'loses nothing acknowledged, sends nothing twice, and recovers when space returns',
    async () => {
      const fake = new FakeLark();
      await fake.start();
      const db = join(disk.dir, 'duban.db');
      const side = mkdtempSync(join(tmpdir(), 'diskfull-side-'));
      const bot = await startLarkBot({ db, directory: writeLarkDirectory(side), domain: fake.base, env: { DUBAN_BACKUP_DIR: join(side, 'backups') } });
      const events = Array.from({ length: 40 }, (_, i) =>
        messageEvent({
          from: ou('sun-li'),
          chatId: `oc_d${i % 8}`,
          eventId: `ev_disk_${i}`,
          messageId: `om_in_disk_${i}`,
          text: `@_user_1 交办 发改委 满盘事项${i} 12月31日`,
          mentions: BOT,
        }),
      );
      const acked = new Set<number>();
      const push = async (only: (i: number) => boolean) => {
        await Promise.all(
          events.map(async (e, i) => {
            if (!only(i) || acked.has(i)) return;
            const r = await postEvent(bot.url, e, KEY).catch(() => undefined);
            if (r?.status === 200) acked.add(i);
          }),
        );
      };
      try {
        expect(bot.log()).toContain('督办助手已启动');
        await push((i) => i < 5);
        expect(acked.size).toBe(5);
        const filler = fill(disk.dir);
        await push(() => true);
        expect(acked.size, 'some events were refused while the disk was full').toBeLessThan(events.length);
        rmSync(filler);
        // Lark pushes again what was not acknowledged, until all is taken.
        for (let round = 0; round < 20 && acked.size < events.length; round++) await push(() => true);
        expect(acked.size).toBe(events.length);
        expect(await waitFor(() => new Set(fake.sent.filter((s) => s.replyTo).map((s) => s.replyTo)).size >= events.length, 60_000)).toBe(true);
        expect(
          bot
            .log()
            .split('\n')
            .filter((l) => l.includes('ERROR 数据库无法写入')),
        ).toHaveLength(1);
        bot.child.kill('SIGTERM');
        expect((await bot.exited).code).toBe(0);
        // One outage, reported over once (at the latest when the bot stops).
        expect(
          bot
            .log()
            .split('\n')
            .filter((l) => l.includes('数据库无法写入') && l.includes('已恢复')),
        ).toHaveLength(1);
      } finally {
        bot.child.kill('SIGKILL');
        await fake.stop();
      }
      const sqlite = new Database(db, { readonly: true });
      const titles = sqlite.prepare('SELECT title, count(*) AS n FROM tasks GROUP BY title').all() as Array<{ n: number }>;
      expect(titles).toHaveLength(events.length);
      expect(titles.every((t) => t.n === 1)).toBe(true);
      sqlite.close();
      const perMessage = new Map<string, number>();
      for (const s of fake.sent.filter((x) => x.replyTo)) perMessage.set(s.replyTo ?? '', (perMessage.get(s.replyTo ?? '') ?? 0) + 1);
      expect(perMessage.size).toBe(events.length);
      expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
    },
    180_000,
  );
});
