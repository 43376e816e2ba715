import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/core/inbound.js';
import { enqueueReply } from '../../../src/outbox/enqueue.js';
import { isoShanghai } from '../../../src/time/shanghai.js';
import type { OutgoingMessage } from '../../../src/outbox/outgoing.js';
import { renderText } from '../../../src/render/text.js';
import { makeWorld, type World } from './wechat-world.js';

let w: World;
let lark: OutgoingMessage[];
let larkDelivered: () => void = () => undefined;
let seq = 0;
async function start(o: Parameters<typeof makeWorld>[0] = {}): Promise<void> {
  w = await makeWorld(o);
  lark = [];
  w.app.dispatcher.register({
    platform: 'lark',
    send: async (m) => {
      lark.push(m);
      larkDelivered();
      return { remoteId: `om_${m.id}` };
    },
  });
}
afterEach(() => w.close());

/** 王芳 (accounts.lark: ou_wangfang in the directory) writes in a Lark group; returns the bot's answer as text. */
async function fromLark(text: string): Promise<string> {
  const msg: InboundMessage = {
    platform: 'lark',
    messageId: `om_lark_${++seq}`,
    chatId: 'oc_duban_group',
    chatType: 'group',
    chatTitle: '督办工作群',
    senderAccountId: 'ou_wangfang',
    senderName: '王芳',
    text,
    mentions: [],
    mentionsBot: true,
  };
  const before = lark.length;
  await w.app.bot.handle(msg);
  await w.app.dispatcher.kick();
  return lark
    .slice(before)
    .map((m) => renderText(m.reply, { mentionText: (id) => `@${m.people[id]?.name ?? id}` }))
    .join('\n');
}

describe('one person on Lark and WeChat', () => {
  it('is one person with one task list, whichever platform they act from', async () => {
    await start();
    const { chen, wang } = w.people;
    await w.post(chen, '/交办 发改委 制定营商环境优化提升实施方案 12月15日');
    await w.post(chen, '/交办 发改委 梳理重点项目清单 12月18日');

    // Signs D-0001 from Lark, reports on it from WeChat.
    expect(await fromLark('签收 D-0001')).toContain('D-0001 已签收（省发展改革委 王芳');
    const progress = await w.post(wang, '/进展 D-0001 60% 初稿已完成');
    expect(progress.sent[0]?.text).toContain('已记录 D-0001 进展 60%');

    const onWechat = (await w.post(wang, '查询 我的', { to: w.me })).sent.map((s) => s.text).join('\n');
    const onLark = await fromLark('查询 我的');
    const items = (t: string) =>
      t
        .split('\n')
        .filter((l) => l.startsWith('D-'))
        .map((l) => l.trim());
    expect(items(onWechat)).toEqual(['D-0001 制定营商环境优化提升实施方案｜牵头 发改委｜12-15 截止｜办理中 60%｜🟢绿', 'D-0002 梳理重点项目清单｜牵头 发改委｜12-18 截止｜待签收｜🟢绿']);
    expect(items(onLark)).toEqual(items(onWechat));

    const t = await w.app.storage.transaction((r) => r.tasks.findByCode('D-0001'));
    expect(t?.units[0]).toMatchObject({ ackedBy: 'wang-fang' });
    const id = t?.id ?? 0;
    const history = await w.app.storage.transaction((r) => r.audit.forTask(id));
    expect(history.map((h) => [h.action, h.actorId, 'message' in h.source ? h.source.message.platform : ''])).toEqual([
      ['assign', 'chen-liqun', 'wechat'],
      ['acknowledge', 'wang-fang', 'lark'],
      ['progress', 'wang-fang', 'wechat'],
    ]);
  });
});

describe('one process serving Lark and WeChat', () => {
  it('delivers Lark messages while WeChat waits for its sending pace', { timeout: 10_000 }, async () => {
    let wake: () => void = () => undefined;
    let sleeping: () => void = () => undefined;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    let t = 0;
    await start({
      settings: { minIntervalMs: 3000 },
      limiterTime: {
        now: () => t,
        sleep: (ms, signal) =>
          new Promise<void>((resolve, reject) => {
            wake = () => ((t += ms), resolve());
            signal?.addEventListener('abort', () => reject(new Error('aborted')));
            sleeping();
          }),
      },
    });
    await w.app.dispatcher.kick(); // let the round started at login finish first
    const at = isoShanghai(w.clock.now());
    await w.app.storage.transaction(async (r) => {
      for (const title of ['群消息 1', '群消息 2']) await enqueueReply(r, { platform: 'wechat', targetKind: 'chat', targetId: w.room.id }, { tone: 'info', title }, 'test', at);
      await enqueueReply(r, { platform: 'lark', targetKind: 'chat', targetId: 'oc_group' }, { tone: 'info', title: '飞书消息' }, 'test', at);
    });
    const delivered = new Promise<void>((resolve) => (larkDelivered = resolve));
    const round = w.app.dispatcher.kick();
    await asleep; // WeChat sent 群消息 1 and now waits 3 s before 群消息 2
    await delivered; // …while Lark's message goes out (a sequential dispatcher would hang here)
    expect(lark.map((m) => m.reply.title)).toEqual(['飞书消息']);
    expect(w.sent.map((s) => s.text)).toEqual(['群消息 1']);
    wake();
    await round;
    expect(w.sent.map((s) => s.text)).toEqual(['群消息 1', '群消息 2']);
  });
});
