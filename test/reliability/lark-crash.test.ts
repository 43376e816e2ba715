import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeLark, messageEvent, postEvent } from '../adapters/lark/fake-lark.js';
import { KEY, ou } from '../adapters/lark/lark-world.js';
import { prepareLarkBot, waitFor, writeLarkDirectory } from './bot-process.js';

const BOT = [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }];
const KILLS = 20;

describe('crash: kill -9 at random moments during bursts through the real Lark webhook', () => {
  it('gives every acknowledged command exactly one effect and one answer; Lark re-pushes only what was not acknowledged', async () => {
    const fake = new FakeLark();
    await fake.start();
    const dir = mkdtempSync(join(tmpdir(), 'lark-crash-'));
    const db = join(dir, 'duban.db');
    const directory = writeLarkDirectory(dir);
    // Eight group chats, so Lark's 5-a-second per-chat pace does not make the test slow.
    const events = Array.from({ length: 120 }, (_, i) => messageEvent({
      from: ou('sun-li'), chatId: `oc_g${i % 8}`, eventId: `ev_crash_${i}`, messageId: `om_in_crash_${i}`,
      text: `@_user_1 交办 发改委 崩溃测试事项${i} 12月31日`, mentions: BOT,
    }));
    const acked = new Set<number>();
    let rng = 11;
    const random = () => ((rng = (rng * 48271) % 2147483647) / 2147483647);
    let next = 0;
    let kills = 0;
    const options = { db, directory, domain: fake.base };
    let warm = await prepareLarkBot(options);
    try {
      while (kills < KILLS) {
        const bot = await warm.start();
        warm = await prepareLarkBot(options);
        expect(bot.log(), 'the bot restarts after a kill -9 (lease freed, ledger accepted)').toContain('督办助手已启动');
        // What was not acknowledged is pushed again, then new events, all at once.
        const burst = [...Array.from({ length: events.length }, (_, i) => i).filter((i) => i < next && !acked.has(i)), ...Array.from({ length: 6 }, (_, k) => next + k).filter((i) => i < events.length)];
        next = Math.min(events.length, next + 6);
        const posts = burst.map((i) => postEvent(bot.url, events[i], KEY).then((r) => (r.status === 200 ? acked.add(i) : undefined), () => undefined));
        await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
        bot.child.kill('SIGKILL');
        await bot.exited;
        await Promise.all(posts);
        kills += 1;
      }
      // The last run: Lark pushes what is still unacknowledged and the rest; everything is answered.
      const bot = await warm.start();
      for (let i = 0; i < events.length; i++) {
        if (acked.has(i)) continue;
        const r = await postEvent(bot.url, events[i], KEY);
        expect(r.status).toBe(200);
        acked.add(i);
      }
      const answered = () => new Set(fake.sent.map((s) => s.replyTo)).size >= events.length;
      expect(await waitFor(answered, 60_000), 'every event answered').toBe(true);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code, 'a graceful stop exits 0').toBe(0);
    } finally {
      await fake.stop();
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    const sqlite = new Database(db, { readonly: true });
    // One effect each: one task per 交办, one audit record, nothing left in the inbox.
    const titles = sqlite.prepare("SELECT title, count(*) AS n FROM tasks GROUP BY title").all() as Array<{ title: string; n: number }>;
    expect(titles).toHaveLength(events.length);
    expect(titles.every((t) => t.n === 1)).toBe(true);
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'assign'").get()).toEqual({ n: events.length });
    expect(sqlite.prepare('SELECT count(*) AS n FROM inbox').get()).toEqual({ n: 0 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE status <> 'sent'").get()).toEqual({ n: 0 });
    sqlite.close();
    // One answer each, as Lark saw them (a resend after a crash carries the same uuid and is dropped there).
    const perMessage = new Map<string, number>();
    for (const s of fake.sent) perMessage.set(s.replyTo ?? '', (perMessage.get(s.replyTo ?? '') ?? 0) + 1);
    expect([...perMessage.keys()].sort()).toEqual(events.map((_, i) => `om_in_crash_${i}`).sort());
    expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
  }, 240_000);
});
