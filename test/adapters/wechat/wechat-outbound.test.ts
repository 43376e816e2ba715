import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { enqueueReply } from '../../../src/outbox/enqueue.js';
import { isoShanghai } from '../../../src/time/shanghai.js';
import { makeWorld, type Sent, type World } from './wechat-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

let w: World;
afterEach(() => w.close());

/** Puts a reply in the outbox as the core would. */
async function enqueue(targetId: string, reply: Reply, targetKind: 'chat' | 'person' = 'chat'): Promise<number> {
  return w.app.storage.transaction((r) => enqueueReply(r, { platform: 'wechat', targetKind, targetId }, reply, 'test', isoShanghai(w.clock.now())));
}
const outbox = (id: number) => sqliteOf(w.app).prepare('SELECT status, attempts, last_error AS error FROM outbox WHERE id = ?').get(id) as { status: string; attempts: number; error: string | null };

describe('careful sending', () => {
  it('keeps the minimum interval per chat and the per-minute cap (virtual time)', async () => {
    w = await makeWorld({ settings: { minIntervalMs: 3000, maxPerMinute: 4 } });
    const { chen, wang } = w.people;
    for (let i = 1; i <= 5; i++) await enqueue(w.room.id, { tone: 'info', title: `群消息 ${i}` });
    for (const c of [chen, wang]) await enqueue(c.id, { tone: 'info', title: `私信 ${c.id}` }, 'person');
    const sent = await w.flush();
    expect(sent.map((s) => s.text)).toEqual(['群消息 1', '群消息 2', '群消息 3', '群消息 4', '群消息 5', `私信 ${chen.id}`, `私信 ${wang.id}`]);
    const gaps = (to: string) =>
      sent
        .filter((s) => s.to === to)
        .map((s) => s.at)
        .map((t, i, all) => t - (all[i - 1] ?? -Infinity))
        .slice(1);
    expect(Math.min(...gaps(w.room.id))).toBeGreaterThanOrEqual(3000);
    for (const s of sent) expect(sent.filter((x) => x.at >= s.at && x.at < s.at + 60_000).length).toBeLessThanOrEqual(4);
    // The cap, not only the interval, decided the pace: the fifth message waited for the window.
    expect(sent[4]?.at).toBe(60_000);
  });
});

describe('delivery through the outbox', () => {
  it('retries a send the puppet failed and delivers it exactly once', async () => {
    w = await makeWorld();
    let failures = 1;
    w.failWhen = () => (failures-- > 0 ? 'grpc: connection reset' : undefined);
    const r = await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月18日');
    expect(r.sent).toEqual([]);
    const [id] = (sqliteOf(w.app).prepare('SELECT id FROM outbox').all() as Array<{ id: number }>).map((x) => x.id);
    expect(outbox(id ?? 0)).toEqual({ status: 'pending', attempts: 1, error: '微信发送失败：grpc: connection reset' });
    expect(await w.flush()).toEqual([]); // not due yet: the backoff runs on the app clock
    w.clock.advance(1000);
    const retried = await w.flush();
    expect(retried.map((s) => s.text.split('\n')[0])).toEqual(['已交办 D-0001']);
    w.clock.advance(3_600_000);
    expect(await w.flush()).toEqual([]);
    expect(w.sent.filter((s) => s.text.startsWith('已交办 D-0001'))).toHaveLength(1);
    expect(outbox(id ?? 0)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('keeps messages while the puppet is logged out and sends them after login', async () => {
    w = await makeWorld();
    await w.puppet.logout();
    const id = await enqueue(w.room.id, { tone: 'info', title: '掉线期间的通知' });
    expect(await w.flush()).toEqual([]);
    expect(outbox(id)).toMatchObject({ status: 'pending', error: '微信未登录（puppet 未连接或已掉线），稍后重试' });
    const back = new Promise((resolve) => w.bot.once('login', resolve));
    w.mocker.login(w.me);
    await back;
    w.clock.advance(1000);
    expect((await w.flush()).map((s) => s.text)).toEqual(['掉线期间的通知']);
    expect(outbox(id).status).toBe('sent');
  });

  it('gives up on a room the bot is no longer in, without holding back other chats', async () => {
    w = await makeWorld();
    const gone = w.mocker.createRoom({ id: 'gone@chatroom', topic: '已退出的群', memberIdList: [w.people.chen.id] });
    const dead = await enqueue(gone.id, { tone: 'info', title: '发往已退出的群' });
    const unknown = await enqueue('never-existed@chatroom', { tone: 'info', title: '发往不存在的群' });
    await enqueue(w.room.id, { tone: 'info', title: '正常消息' });
    expect((await w.flush()).map((s) => s.text)).toEqual(['正常消息']);
    expect(outbox(dead)).toMatchObject({ status: 'dead', error: '机器人已不在微信群 gone@chatroom 中（或该群已解散）' });
    expect(outbox(unknown)).toMatchObject({ status: 'dead' });
  });

  it('splits a long reply and, when a later part fails, resends only what did not go out', async () => {
    w = await makeWorld({ textLimit: 200 });
    const lines = Array.from({ length: 24 }, (_, i) => `${i + 1}. D-${String(i + 1).padStart(4, '0')} 制定专项实施方案并报送省政府`);
    const id = await enqueue(w.room.id, { tone: 'info', title: '在办事项：24 件', lines, mentions: ['chen-liqun'] });
    let failed = false;
    w.failWhen = (_to, text) => (!failed && text.includes('（2/') ? ((failed = true), 'timeout') : undefined);
    const first = await w.flush();
    expect(first).toHaveLength(1);
    expect(outbox(id)).toMatchObject({ status: 'pending', attempts: 1 });
    w.clock.advance(1000);
    const rest = await w.flush();
    const all: Sent[] = [...first, ...rest];
    const total = Number(/（1\/(\d+)）$/.exec(all[0]?.text ?? '')?.[1]);
    expect(total).toBeGreaterThan(2);
    expect(all.map((s) => /（(\d+)\/\d+）$/.exec(s.text)?.[1])).toEqual(Array.from({ length: total }, (_, i) => String(i + 1)));
    for (const s of all) expect(s.text.length).toBeLessThanOrEqual(200);
    expect(all[0]?.text).toContain('@陈立群');
    expect(all[0]?.mentionIdList).toEqual([w.people.chen.id]);
    expect(
      all
        .map((s) => s.text.replace(/\n（\d+\/\d+）$/, ''))
        .join('\n')
        .split('\n')
        .slice(2),
    ).toEqual(lines);
  });
});
