import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../../src/time/shanghai.js';
import { THROTTLED_TEXT } from '../../../src/core/bot.js';
import { makeWorld, type World } from './wechat-world.js';

/** Per-sender limits at the front door, through real wechaty on PuppetMock (time is the fake clock's). */
let w: World;
beforeEach(async () => {
  w = await makeWorld({ core: { throttle: { burst: 10, perMinute: 20 } } });
});
afterEach(() => w.close());

const taskCount = () => w.app.storage.transaction((r) => r.tasks.count({}));

describe('per-sender throttle', () => {
  it('answers an unregistered account once per day per chat, and a real 签收 right after 150 of its messages', async () => {
    await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月18日');
    const stranger = w.mocker.createContact({ id: 'wxid_spam', name: '广告' });
    w.room.payload.memberIdList.push(stranger.id);
    const before = w.sent.length;
    const outcomes = new Set<string>();
    for (let i = 0; i < 150; i++) outcomes.add((await w.post(stranger, `/签收 D-0001 第${i}条`)).disposition);
    expect(outcomes).toEqual(new Set(['refused', 'throttled']));
    const ack = await w.post(w.people.wang, '/签收 D-0001');
    const sent = w.sent.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.text).toContain('尚未登记');
    expect(sent[1]?.text).toContain('D-0001 已签收（省发展改革委 王芳');
    expect(ack.sent).toHaveLength(1);

    // Once its allowance has come back: one-to-one is another chat, answered once there too; the next day, once again.
    w.clock.set(instantAt('2026-12-07', '09:05'));
    expect((await w.post(stranger, '/帮助')).sent).toHaveLength(0);
    expect((await w.post(stranger, '签收', { to: w.me })).sent).toHaveLength(1);
    expect((await w.post(stranger, '签收', { to: w.me })).sent).toHaveLength(0);
    w.clock.set(instantAt('2026-12-08', '09:00'));
    expect((await w.post(stranger, '/帮助')).sent).toHaveLength(1);
    expect((await w.post(stranger, '/帮助')).sent).toHaveLength(0);
  });

  it('lets a person send a burst, then refuses once and stays silent until the allowance comes back', async () => {
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await w.post(w.people.chen, `/交办 发改委 批量事项${i} 12月18日`));
    expect(await taskCount()).toBe(10);
    expect(results.slice(0, 10).every((r) => r.disposition === 'handled')).toBe(true);
    expect(results[10]?.sent.map((s) => s.text)).toEqual([THROTTLED_TEXT]);
    expect(results.slice(11).every((r) => r.disposition === 'throttled' && r.sent.length === 0)).toBe(true);
    // Nothing of a throttled message is run later, even when the platform redelivers it.
    expect((await w.post(w.people.chen, '/交办 发改委 重投 12月18日', { id: 'wx-redelivered' })).disposition).toBe('throttled');
    w.clock.set(instantAt('2026-12-07', '09:01'));
    expect((await w.post(w.people.chen, '/交办 发改委 重投 12月18日', { id: 'wx-redelivered' })).disposition).toBe('duplicate');
    expect((await w.post(w.people.chen, '/交办 发改委 一分钟后 12月18日')).disposition).toBe('handled');
    expect(await taskCount()).toBe(11);
  });

  it('keeps one sender’s flood from delaying another sender’s answer behind refusals', async () => {
    await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月18日');
    const before = w.sent.length;
    for (let i = 0; i < 60; i++) await w.post(w.people.li, `/查询 D-0001 第${i}次`);
    const ack = await w.post(w.people.wang, '/签收 D-0001');
    expect(ack.disposition).toBe('handled');
    const sent = w.sent.slice(before);
    // 李明's ten answers and one refusal, then 王芳's answer: not sixty refusals.
    expect(sent).toHaveLength(12);
    expect(sent.filter((s) => s.text === THROTTLED_TEXT)).toHaveLength(1);
    expect(sent.at(-1)?.text).toContain('D-0001 已签收');
  });
});
