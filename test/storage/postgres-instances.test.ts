import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { isoShanghai } from '../../src/time/shanghai.js';
import type { InboundMessage } from '../../src/core/inbound.js';
import { PgStorage } from '../../storage/postgres/pg-storage.js';
import { waitFor } from '../reliability/bot-process.js';

const available = pgAvailable();
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
});

let n = 0;
const message = (text: string, chatId = 'group-x'): InboundMessage => ({
  platform: 'console',
  messageId: `inst-${++n}`,
  chatId,
  chatType: 'group',
  senderAccountId: '孙丽',
  senderName: '孙丽',
  text,
  mentions: [],
  mentionsBot: true,
});

describe.skipIf(!available)('several instances on one PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 180_000);
  afterAll(() => cluster?.stop());

  const boot = async (url: string) => {
    const h: Harness = await makeHarness({ dbFile: url, start: ['2026-12-03', '10:00'] });
    cleanup.push(() => h.close());
    await h.app.storage.ready();
    return h;
  };
  const titles = (h: Harness) => h.app.storage.transaction(async (r) => (await r.tasks.list({ order: 'code' })).map((t) => t.title));
  const waiting = (h: Harness) => h.app.storage.transaction(async (r) => (await r.inbox.pending()).length);

  it('processes a chat on the instance holding it, in arrival order, whichever instance recorded each message', async () => {
    const url = await cluster.freshDatabase();
    const [a, b] = [await boot(url), await boot(url)];
    const results: Array<Promise<{ outcome: string }>> = [];
    // Recorded alternately by the two instances, one after the other (so the arrival order is known).
    for (let i = 0; i < 8; i++) {
      const by = i % 2 === 0 ? a : b;
      const acc = await by.app.inbox.accept(message(`交办 发改委 顺序事项${i} 12月10日`));
      expect(acc.outcome).toBe('accepted');
      results.push(acc.result);
    }
    expect(await waitFor(async () => (await waiting(a)) === 0, 20_000)).toBe(true);
    await Promise.all([a.app.inbox.idle(), b.app.inbox.idle()]);
    // Task codes are given in processing order: it is the arrival order.
    expect(await titles(a)).toEqual(Array.from({ length: 8 }, (_, i) => `顺序事项${i}`));
    // Each message was processed once, by whichever instance held the chat; the other only queued it.
    const outcomes = await Promise.all(results);
    expect(outcomes.filter((o) => o.outcome === 'handled').length + outcomes.filter((o) => o.outcome === 'queued').length).toBe(8);
  }, 60_000);

  it('takes over the chats of a dead instance once its claim lapses, in order', async () => {
    const url = await cluster.freshDatabase();
    const [a, b] = [await boot(url), await boot(url)];
    const now = a.clock.now();
    const until = isoShanghai(new Date(now.getTime() + 15_000));
    // An instance that died holding the chat.
    expect(await a.app.storage.transaction((r) => r.inbox.claimChat('group-x', 'dead', isoShanghai(now), until))).toBe(true);
    const first = await a.app.inbox.accept(message('交办 发改委 接管事项甲 12月10日'));
    const second = await b.app.inbox.accept(message('交办 发改委 接管事项乙 12月10日'));
    expect((await first.result).outcome).toBe('queued');
    expect((await second.result).outcome).toBe('queued');
    await b.app.inbox.resume();
    expect(await titles(a)).toEqual([]); // the claim has not lapsed yet
    for (const h of [a, b]) h.clock.set(new Date(now.getTime() + 16_000));
    expect(await b.app.inbox.resume()).toBe(2);
    await b.app.inbox.idle();
    expect(await titles(a)).toEqual(['接管事项甲', '接管事项乙']);
    expect(await waiting(a)).toBe(0);
    // The chat is free again (b lets it go once nothing of it waits): the other instance may take it.
    const t = isoShanghai(b.clock.now());
    expect(await waitFor(() => a.app.storage.transaction((r) => r.inbox.claimChat('group-x', 'other', t, t)), 5_000)).toBe(true);
  }, 60_000);

  it('drops cached bindings on every instance when one instance changes them (LISTEN/NOTIFY)', async () => {
    const url = await cluster.freshDatabase();
    const [a, b] = [await boot(url), await boot(url)];
    const sa = a.app.storage as PgStorage;
    expect(sa.changes.live).toBe(true);
    const personFor = () => a.app.storage.transaction((r) => r.bindings.personFor('lark', 'ou_cache'));
    expect(await personFor()).toBeUndefined();
    const hits = sa.sharedCache.hits;
    expect(await personFor()).toBeUndefined();
    expect(sa.sharedCache.hits, 'the second read is served from the cache').toBe(hits + 1);
    const heard = new Promise<void>((resolve) => sa.changes.on('cache', () => resolve()));
    await b.app.storage.transaction((r) => r.bindings.bind({ platform: 'lark', accountId: 'ou_cache', personId: 'sun-li', boundBy: 'test', boundAt: isoShanghai(b.clock.now()) }));
    await heard;
    expect(await personFor()).toBe('sun-li');
    // A write that rolls back tells nobody (NOTIFY is delivered at COMMIT only), and the
    // writer itself never reads its own uncommitted change from the shared cache.
    await expect(
      b.app.storage.transaction(async (r) => {
        await r.bindings.unbind('lark', 'sun-li');
        expect(await r.bindings.personFor('lark', 'ou_cache')).toBeUndefined();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await b.app.storage.transaction((r) => r.bindings.personFor('lark', 'ou_cache'))).toBe('sun-li');
    // While the listening connection is down nothing is trusted; it comes back by itself.
    sa.changes.drop();
    expect(sa.changes.live).toBe(false);
    const before = sa.sharedCache.hits;
    expect(await personFor()).toBe('sun-li');
    expect(await personFor()).toBe('sun-li');
    expect(sa.sharedCache.hits).toBe(before);
    expect(await waitFor(() => sa.changes.live, 10_000)).toBe(true);
  }, 60_000);

  it('keeps a chat with the instance that just sent to it for 1.5 s, so two instances never share one sliding second of it', async () => {
    const url = await cluster.freshDatabase();
    const [a, b] = [await boot(url), await boot(url)];
    const t0 = new Date('2026-12-03T02:00:00.000Z');
    const at = (ms: number) => isoShanghai(new Date(t0.getTime() + ms));
    const item = (targetId: string) => ({ platform: 'lark', targetKind: 'chat' as const, targetId, payload: '{}', origin: 'test', at: at(0) });
    const first = await a.app.storage.transaction((r) => r.outbox.enqueue(item('oc_hold')));
    expect((await a.app.storage.transaction((r) => r.outbox.due('lark', at(0), 10))).map((x) => x.id)).toEqual([first]);
    await a.app.storage.transaction((r) => r.outbox.markSent(first, at(100)));
    const second = await b.app.storage.transaction((r) => r.outbox.enqueue(item('oc_hold')));
    const other = await b.app.storage.transaction((r) => r.outbox.enqueue(item('oc_free')));
    // Inside the hold the other instance may send elsewhere, not to that chat; the holder may.
    expect((await b.app.storage.transaction((r) => r.outbox.due('lark', at(1000), 10))).map((x) => x.id)).toEqual([other]);
    expect((await a.app.storage.transaction((r) => r.outbox.due('lark', at(1000), 10))).map((x) => x.id)).toEqual([second]);
    // Once the hold (and a's lease on the row it took) has passed, any instance may take the chat.
    expect((await b.app.storage.transaction((r) => r.outbox.due('lark', at(1700 + 60_000), 10))).map((x) => x.id)).toContain(second);
  }, 60_000);
});
