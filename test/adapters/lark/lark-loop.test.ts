import { afterEach, describe, expect, it } from 'vitest';
import { cardEvent, messageEvent, postEvent } from './fake-lark.js';
import { KEY, larkWorld, ou, type LarkWorld } from './lark-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

let w: LarkWorld;
afterEach(() => w.close());

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };
const task = (code: string) => w.h.app.storage.transaction((r) => r.tasks.findByCode(code));
const card = (i: number) => JSON.parse(w.fake.sent[i]?.content ?? '{}') as { header?: { title?: { content?: string } }; body?: { elements?: Array<Record<string, unknown>> } };

describe('飞书 webhook: the full loop with the real SDK', () => {
  it('交办 by text → 签收 by button → 进展 by text → 办结 by form, with cards and @mentions', async () => {
    w = await larkWorld();
    // 交办: @bot and @王芳 in the group.
    const r1 = await postEvent(
      w.url,
      messageEvent({
        from: ou('chen-liqun'),
        text: '@_user_1 交办 @_user_2 编制专项债项目清单 12月18日 重点',
        mentions: [bot, { key: '@_user_2', name: '王芳', openId: ou('wang-fang') }],
      }),
      KEY,
    );
    expect(r1.status).toBe(200);
    await w.settle();
    expect(w.fake.sent).toHaveLength(1);
    const assignment = w.fake.sent[0];
    expect(assignment).toMatchObject({ msgType: 'interactive', replyTo: expect.stringMatching(/^om_in_/), uuid: expect.stringMatching(/^duban-\d+$/) });
    const c = card(0);
    expect(c.header?.title?.content).toBe('已交办 D-0001【重点】');
    expect(JSON.stringify(c)).toContain(`<at id=${ou('wang-fang')}></at>`);
    const button = c.body?.elements?.find((e) => e.tag === 'button') as { behaviors: Array<{ value: { command: string } }> };
    expect(button.behaviors[0]?.value.command).toBe('签收 D-0001');

    // 签收 by pressing the button: same command, same permissions; the card comes back updated.
    const refused = await postEvent(w.url, cardEvent({ operator: ou('lin-xue'), command: '签收 D-0001', messageId: assignment?.messageId }), KEY);
    expect(JSON.parse(refused.body).toast.type).toBe('error');
    const pressed = await postEvent(w.url, cardEvent({ operator: ou('wang-fang'), command: '签收 D-0001', messageId: assignment?.messageId }), KEY);
    const response = JSON.parse(pressed.body) as { toast: { content: string }; card: { type: string; data: unknown } };
    expect(response.toast.content).toContain('D-0001 已签收（省发展改革委 王芳');
    expect(JSON.stringify(response.card.data)).toContain('已签收 · 王芳 · 12-07 09:00');
    expect((await task('D-0001'))?.status).toBe('active');

    // 进展 typed, 办结 through the card's form.
    await postEvent(w.url, messageEvent({ from: ou('wang-fang'), text: '@_user_1 进展 D-0001 60% 初稿已完成', mentions: [bot] }), KEY);
    const done = await postEvent(w.url, cardEvent({ operator: ou('wang-fang'), command: '办结 D-0001', form: '清单已报送省政府，共186个项目', messageId: assignment?.messageId }), KEY);
    expect(JSON.parse(done.body).toast.content).toBe('D-0001 已办结（按期）');
    await w.settle();
    expect(await task('D-0001')).toMatchObject({ status: 'completed', result: '清单已报送省政府，共186个项目' });
    const titles = w.fake.sent.map((_, i) => card(i).header?.title?.content ?? JSON.parse(w.fake.sent[i]?.content ?? '{}').text);
    expect(titles).toEqual(['已交办 D-0001【重点】', expect.stringContaining('只能由承办单位的责任人'), expect.stringContaining('D-0001 已签收（'), '已记录 D-0001 进展 60%', 'D-0001 已办结（按期）']);
    // The assigner is a 分管领导: named, not @-mentioned in the group; he reads it in his 专报.
    expect(w.fake.sent.at(-1)?.content).toContain('办结情况将在督办专报中报交办人 陈立群（常务副省长） 阅知。');
    expect(w.fake.sent.at(-1)?.content).not.toContain(`<at id=${ou('chen-liqun')}></at>`);
  });

  it('tells an unbound sender to ask the administrator, with their open_id for 绑定', async () => {
    w = await larkWorld();
    await postEvent(w.url, messageEvent({ from: 'ou_stranger', text: '@_user_1 帮助', mentions: [bot] }), KEY);
    await w.settle();
    expect(JSON.parse(w.fake.sent[0]?.content ?? '{}').text).toContain('请管理员（孙丽）发送「绑定 ou_stranger 通讯录姓名」');
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 绑定 @_user_2 蒋涛 替换', mentions: [bot, { key: '@_user_2', name: '新同事', openId: 'ou_stranger' }] }), KEY);
    await postEvent(w.url, messageEvent({ from: 'ou_stranger', text: '@_user_1 查询 我的', mentions: [bot] }), KEY);
    await w.settle();
    // 蒋涛 has an account in the file, so the 绑定 says 替换 and both accounts are told.
    expect(w.fake.sent.map((s) => s.content).some((c) => c.includes('我的概况'))).toBe(true);
  });

  it('ignores group messages that do not @ the bot, answers one-to-one chats, and answers the url_verification challenge', async () => {
    w = await larkWorld();
    await postEvent(w.url, messageEvent({ from: ou('wang-fang'), text: '大家好' }), KEY);
    await postEvent(w.url, messageEvent({ from: ou('wang-fang'), text: '帮助', chatType: 'p2p', chatId: 'oc_p2p' }), KEY);
    await w.settle();
    expect(w.fake.sent.map((s) => s.replyTo !== undefined)).toEqual([true]);
    const challenge = await fetch(w.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encrypt: (await import('./fake-lark.js')).encrypt({ type: 'url_verification', challenge: 'abc123', token: 't' }, KEY).encrypt }),
    });
    expect(await challenge.json()).toEqual({ challenge: 'abc123' });
    const wrongPath = await fetch(`${w.url}x`, { method: 'POST', body: '{}' });
    expect(wrongPath.status).toBe(404);
    const withQuery = await postEvent(`${w.url}?from=test`, messageEvent({ from: ou('wang-fang'), text: '@_user_1 帮助', mentions: [bot] }), KEY);
    expect(withQuery.status).toBe(200);
  });
});

describe('redelivery and forged requests', () => {
  it('handles the same event delivered three times once: one task, one answer', async () => {
    w = await larkWorld();
    const event = messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] });
    for (let i = 0; i < 3; i++) expect((await postEvent(w.url, event, KEY)).status).toBe(200);
    await w.settle();
    // And again after a "restart": a new adapter sees the same message id; the core still dedupes.
    const again = messageEvent({
      from: ou('sun-li'),
      text: '@_user_1 交办 发改委 编制清单 12月18日',
      mentions: [bot],
      messageId: (event.event as { message: { message_id: string } }).message.message_id,
      eventId: 'ev_other',
    });
    await postEvent(w.url, again, KEY);
    await w.settle();
    expect(w.fake.sent).toHaveLength(1);
    expect(await w.h.app.storage.transaction((r) => r.tasks.count({}))).toBe(1);
  });

  it('rejects a forged or unsigned request: 401, nothing handled, nothing sent', async () => {
    w = await larkWorld();
    const forged = await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] }), KEY, { forge: true });
    const unsigned = await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] }), KEY, { unsigned: true });
    const forgedCard = await postEvent(w.url, cardEvent({ operator: ou('sun-li'), command: '交办 发改委 伪造 12月18日' }), KEY, { forge: true });
    expect([forged.status, unsigned.status, forgedCard.status]).toEqual([401, 401, 401]);
    await w.settle();
    expect(w.fake.sent).toEqual([]);
    expect(await w.h.app.storage.transaction((r) => r.tasks.count({}))).toBe(0);
    expect(sqliteOf(w.h.app).prepare('SELECT count(*) AS n FROM inbound_messages').get()).toEqual({ n: 0 });
  });
});
