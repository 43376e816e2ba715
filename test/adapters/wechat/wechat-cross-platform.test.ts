import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/core/inbound.js';
import type { OutgoingMessage } from '../../../src/outbox/outgoing.js';
import { renderText } from '../../../src/render/text.js';
import { makeWorld, type World } from './wechat-world.js';

let w: World;
let lark: OutgoingMessage[];
let seq = 0;
beforeEach(async () => {
  w = await makeWorld();
  lark = [];
  w.app.dispatcher.register({ platform: 'lark', send: async (m) => (lark.push(m), { remoteId: `om_${m.id}` }) });
});
afterEach(() => w.close());

/** 王芳 (accounts.lark: ou_wangfang in the directory) writes in a Lark group; returns the bot's answer as text. */
async function fromLark(text: string): Promise<string> {
  const msg: InboundMessage = {
    platform: 'lark', messageId: `om_lark_${++seq}`, chatId: 'oc_duban_group', chatType: 'group', chatTitle: '督办工作群',
    senderAccountId: 'ou_wangfang', senderName: '王芳', text, mentions: [], mentionsBot: true,
  };
  const before = lark.length;
  await w.app.bot.handle(msg);
  await w.app.dispatcher.kick();
  return lark.slice(before).map((m) => renderText(m.reply, { mentionText: (id) => `@${m.people[id]?.name ?? id}` })).join('\n');
}

describe('one person on Lark and WeChat', () => {
  it('is one person with one task list, whichever platform they act from', async () => {
    const { chen, wang } = w.people;
    await w.post(chen, '/交办 发改委 制定营商环境优化提升实施方案 12月15日');
    await w.post(chen, '/交办 发改委 梳理重点项目清单 12月18日');

    // Signs D-0001 from Lark, reports on it from WeChat.
    expect(await fromLark('签收 D-0001')).toContain('D-0001 已签收 · 省发展改革委 · 王芳');
    const progress = await w.post(wang, '/进展 D-0001 60% 初稿已完成');
    expect(progress.sent[0]?.text).toContain('已记录 D-0001 进展 60%');

    const onWechat = (await w.post(wang, '查询 我的', { to: w.me })).sent.map((s) => s.text).join('\n');
    const onLark = await fromLark('查询 我的');
    const items = (t: string) => t.split('\n').filter((l) => l.startsWith('D-')).map((l) => l.trim());
    expect(items(onWechat)).toEqual([
      'D-0001 制定营商环境优化提升实施方案｜牵头 发改委｜12-15 截止｜办理中 60%',
      'D-0002 梳理重点项目清单｜牵头 发改委｜12-18 截止｜待签收',
    ]);
    expect(items(onLark)).toEqual(items(onWechat));

    const t = await w.app.storage.transaction((r) => r.tasks.findByCode('D-0001'));
    expect(t?.units[0]).toMatchObject({ ackedBy: 'wang-fang' });
    const id = t?.id ?? 0;
    const history = await w.app.storage.transaction((r) => r.audit.forTask(id));
    expect(history.map((h) => [h.action, h.actorId, 'message' in h.source ? h.source.message.platform : ''])).toEqual([
      ['assign', 'chen-liqun', 'wechat'], ['acknowledge', 'wang-fang', 'lark'], ['progress', 'wang-fang', 'wechat'],
    ]);
  });
});
