import { afterEach, describe, expect, it } from 'vitest';
import { enqueueReply } from '../../../src/outbox/enqueue.js';
import { isoShanghai } from '../../../src/time/shanghai.js';
import type { LimiterTime } from '../../../src/adapters/pacing/limiter-time.js';
import { messageEvent, postEvent } from './fake-lark.js';
import { KEY, larkWorld, ou, type LarkWorld } from './lark-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

let w: LarkWorld;
afterEach(() => w.close());

/** Puts `n` messages for one chat in the outbox, as a busy job run would. */
async function queue(n: number, chatId = 'oc_group') {
  const at = isoShanghai(w.h.clock.now());
  await w.h.app.storage.transaction(async (repos) => {
    for (let i = 0; i < n; i++) await enqueueReply(repos, { platform: 'lark', targetKind: 'chat', targetId: chatId }, { tone: 'info', title: `第 ${i + 1} 条` }, 'test', at);
  });
}

describe('within Lark’s limits', () => {
  it('retries 429 (waiting for x-ogw-ratelimit-reset) and 500s, delivering every message exactly once', async () => {
    w = await larkWorld();
    w.fake.failures.push({ status: 429, code: 99991400, resetSeconds: 3 }, { status: 500 }, { status: 502 }, { status: 400, code: 99991400, resetSeconds: 1 });
    await queue(10);
    await w.h.app.dispatcher.kick();
    // The 429 said 3 s: nothing more goes to that chat until then (order is kept).
    expect(w.fake.sent).toHaveLength(0);
    const waiting = sqliteOf(w.h.app).prepare("SELECT next_attempt_at FROM outbox WHERE status = 'pending' ORDER BY id LIMIT 1").get() as { next_attempt_at: string };
    expect(Date.parse(waiting.next_attempt_at) - w.h.clock.now().getTime()).toBeGreaterThanOrEqual(3000);
    for (let i = 0; i < 30 && w.fake.sent.length < 10; i++) {
      w.h.clock.advance(5_000);
      await w.h.app.dispatcher.kick();
    }
    expect(w.fake.sent.map((s) => JSON.parse(s.content).text)).toEqual(Array.from({ length: 10 }, (_, i) => `第 ${i + 1} 条`));
    expect(new Set(w.fake.sent.map((s) => s.uuid)).size).toBe(10);
    expect(sqliteOf(w.h.app).prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'").get()).toEqual({ n: 10 });
  });

  it('never posts twice when a send succeeded but its answer was lost: the uuid makes the retry a no-op', async () => {
    w = await larkWorld();
    await queue(1);
    const item = sqliteOf(w.h.app).prepare('SELECT id FROM outbox').get() as { id: number };
    const msg = {
      id: item.id,
      platform: 'lark',
      targetKind: 'chat' as const,
      targetId: 'oc_group',
      reply: { tone: 'info' as const, title: '一次' },
      attempts: 0,
      people: {},
      origin: 'test',
      createdAt: '',
    };
    await w.adapter.send(msg);
    await w.adapter.send(msg); // the same outbox message sent again, as after a crash
    expect(w.fake.sent).toHaveLength(1);
  });

  it('lets 200 messages queued for one chat leave at no more than 5 a second (virtual time)', async () => {
    let now = 1_000_000;
    const time: LimiterTime = {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    };
    w = await larkWorld({ time });
    w.fake.clock = () => now;
    await queue(200);
    await w.h.app.dispatcher.kick();
    expect(w.fake.sent).toHaveLength(200);
    const times = w.fake.sent.map((s) => s.at);
    for (let i = 5; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 5] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(39_000);
  });

  it('keeps to 50 a second for the app across many chats', async () => {
    let now = 5_000_000;
    const time: LimiterTime = {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    };
    w = await larkWorld({ time });
    w.fake.clock = () => now;
    for (let c = 0; c < 30; c++) await queue(5, `oc_chat_${c}`);
    await w.h.app.dispatcher.kick();
    const times = w.fake.sent.map((s) => s.at);
    expect(times).toHaveLength(150);
    for (let i = 50; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 50] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('stays under 5 a second per chat and 50 for the app measured at arrival, whatever the network takes (virtual time)', async () => {
    let now = 9_000_000;
    const time: LimiterTime = {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    };
    w = await larkWorld({ time });
    // Each request spends a varying time on the way: the fake's clock reads later than when it left.
    const delays = [300, 0, 0, 0, 0, 0, 120, 10, 250, 0, 40, 0, 0, 300, 5];
    let i = 0;
    w.fake.clock = () => {
      now += delays[i++ % delays.length] ?? 0;
      return now;
    };
    await queue(60);
    for (let c = 0; c < 20; c++) await queue(4, `oc_many_${c}`);
    await w.h.app.dispatcher.kick();
    expect(w.fake.sent).toHaveLength(140);
    const group = w.fake.sent.filter((s) => s.receiveId === 'oc_group').map((s) => s.at);
    for (let k = 5; k < group.length; k++) expect((group[k] ?? 0) - (group[k - 5] ?? 0)).toBeGreaterThanOrEqual(1000);
    const all = w.fake.sent.map((s) => s.at);
    for (let k = 50; k < all.length; k++) expect((all[k] ?? 0) - (all[k - 50] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('keeps everything in the outbox while Lark is unreachable, and delivers when it is back', async () => {
    w = await larkWorld();
    w.fake.offline = true;
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }] }), KEY);
    await w.settle();
    expect(sqliteOf(w.h.app).prepare('SELECT status, attempts FROM outbox').get()).toEqual({ status: 'pending', attempts: 1 });
    w.fake.offline = false;
    w.h.clock.advance(60_000);
    await w.h.app.dispatcher.kick();
    expect(w.fake.sent).toHaveLength(1);
  });
});
