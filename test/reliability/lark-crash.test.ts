import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '../../storage/sqlite/driver.js';
import { describe, expect, it } from 'vitest';
import { FakeLark, messageEvent, postEvent } from '../adapters/lark/fake-lark.js';
import { KEY, ou } from '../adapters/lark/lark-world.js';
import { prepareLarkBot, waitFor, writeLarkDirectory, type WarmBot } from './bot-process.js';

const BOT = [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }];
/** At least 20 (the bar); `npm run soak:crash` runs more. */
const KILLS = Math.max(20, Number(process.env.DUBAN_CRASH_KILLS ?? 20));
/** New events per life; the unacknowledged ones of earlier lives are pushed again on top. */
const BURST = 5;
/** Bots loading ahead of use: a restart then costs what a real one does after a crash, not module loading. */
const AHEAD = 2;

describe('crash: kill -9 at random moments during bursts through the real Lark webhook', () => {
  it(
    'gives every acknowledged command exactly one effect and one answer; Lark re-pushes only what was not acknowledged',
    async () => {
      const fake = new FakeLark();
      await fake.start();
      const dir = mkdtempSync(join(tmpdir(), 'lark-crash-'));
      const db = join(dir, 'duban.db');
      const directory = writeLarkDirectory(dir);
      // Five group chats, so Lark's 5-a-second per-chat pace does not make the test slow.
      const events = Array.from({ length: KILLS * BURST }, (_, i) =>
        messageEvent({
          from: ou('sun-li'),
          chatId: `oc_g${i % 5}`,
          eventId: `ev_crash_${i}`,
          messageId: `om_in_crash_${i}`,
          text: `@_user_1 交办 发改委 崩溃测试事项${i} 12月31日`,
          mentions: BOT,
        }),
      );
      const acked = new Set<number>();
      let rng = 11;
      const random = () => (rng = (rng * 48271) % 2147483647) / 2147483647;
      let next = 0;
      let kills = 0;
      const moments = { afterAcks: 0, afterSends: 0 };
      const options = { db, directory, domain: fake.base };
      const t0 = Date.now();
      const warm: WarmBot[] = Array.from({ length: AHEAD }, () => prepareLarkBot(options));
      try {
        while (kills < KILLS) {
          const bot = await (warm.shift() as WarmBot).start();
          warm.push(prepareLarkBot(options));
          expect(bot.log(), 'the bot restarts after a kill -9 (lease freed, ledger accepted)').toContain('督办助手已启动');
          // What was not acknowledged is pushed again, then new events, all at once.
          const burst = [...Array.from({ length: next }, (_, i) => i).filter((i) => !acked.has(i)), ...Array.from({ length: BURST }, (_, k) => next + k)];
          next += BURST;
          // The moment: once a random number of events are acknowledged, or of answers reached
          // Lark, plus a random few milliseconds; so it lands before, between and during the
          // inbox write, the command's transaction, the send and its "sent" mark.
          const byAcks = random() < 0.5;
          const threshold = Math.floor(random() * (burst.length + 1));
          const jitter = Math.floor(random() * 15);
          const sentBefore = fake.sent.length;
          let ackedNow = 0;
          let armed = false;
          let kill!: () => void;
          const killed = new Promise<void>((resolve) => (kill = resolve));
          const check = () => {
            const reached = byAcks ? ackedNow >= threshold : fake.sent.length - sentBefore >= threshold;
            if (!armed && reached) {
              armed = true;
              setTimeout(kill, jitter);
            }
          };
          fake.onSent = check;
          const posts = burst.map((i) =>
            postEvent(bot.url, events[i], KEY).then(
              (r) => {
                if (r.status === 200) {
                  acked.add(i);
                  ackedNow += 1;
                }
                check();
              },
              () => undefined,
            ),
          );
          check();
          // Everything answered before the threshold was reached: kill now.
          void Promise.all(posts)
            .then(() => waitFor(() => armed || fake.sent.length - sentBefore >= burst.length, 5000))
            .then(kill);
          await killed;
          bot.child.kill('SIGKILL');
          await bot.exited;
          await Promise.all(posts);
          fake.onSent = undefined;
          moments[byAcks ? 'afterAcks' : 'afterSends'] += 1;
          if (process.env.DUBAN_CRASH_VERBOSE) console.error(`kill ${kills} at ${Date.now() - t0} ms: burst ${burst.length}, acked ${acked.size}, sent ${fake.sent.length}`);
          kills += 1;
        }
        // The last run: Lark pushes what is still unacknowledged; everything is answered.
        const bot = await (warm.shift() as WarmBot).start();
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
        for (const w of warm) w.discard();
        await fake.stop();
      }
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      expect(moments.afterAcks, 'kills while events come in').toBeGreaterThan(0);
      expect(moments.afterSends, 'kills while answers go out').toBeGreaterThan(0);
      const sqlite = new Database(db, { readonly: true });
      // One effect each: one task per 交办, one audit record, nothing left in the inbox.
      const titles = sqlite.prepare('SELECT title, count(*) AS n FROM tasks GROUP BY title').all() as Array<{ title: string; n: number }>;
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
    },
    Number(process.env.DUBAN_CRASH_TIMEOUT_MS ?? 300_000 + Math.max(0, KILLS - 20) * 15_000),
  );
});
