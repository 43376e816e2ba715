import { afterEach, describe, expect, it } from 'vitest';
import { tablesHolding } from '../../support/stored-anywhere.js';
import { cardEvent, messageEvent, postEvent } from './fake-lark.js';
import { KEY, larkWorld, ou, type LarkWorld } from './lark-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

let w: LarkWorld;
afterEach(() => w.close());

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };
const tasks = () => w.h.app.storage.transaction((r) => r.tasks.count({}));
const content = (i: number) => w.fake.sent[i]?.content ?? '';

describe('Lark mentions are accounts, not names', () => {
  it('answers a mention of an unbound account that shows a directory name with "not registered", and assigns nothing', async () => {
    w = await larkWorld();
    const impostor = { key: '@_user_2', name: '王芳', openId: 'ou_impostor' };
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 @_user_2 编制清单 12月18日', mentions: [bot, impostor] }), KEY);
    await w.settle();
    expect(content(0)).toContain('尚未登记');
    expect(content(0)).toContain('ou_impostor');
    expect(await tasks()).toBe(0);
  });

  it('replaces @_user_10 and @_user_11 as whole tokens: all ten people are assigned, none eaten by @_user_1', async () => {
    w = await larkWorld();
    const people = ['wang-fang', 'qian-min', 'he-jing', 'yang-fan', 'xu-na', 'lv-ting', 'lin-xue', 'peng-li', 'yuan-yuan', 'jiang-tao'];
    const names = ['王芳', '钱敏', '何静', '杨帆', '许娜', '吕婷', '林雪', '彭丽', '袁媛', '蒋涛'];
    const mentions = [bot, ...people.map((p, i) => ({ key: `@_user_${i + 2}`, name: names[i] ?? '', openId: ou(p) }))];
    const text = `@_user_1 交办 ${people.map((_, i) => `@_user_${i + 2}`).join(' ')} 编制清单 12月18日`;
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text, mentions }), KEY);
    await w.settle();
    const task = await w.h.app.storage.transaction((r) => r.tasks.findByCode('D-0001'));
    expect(task?.title).toBe('编制清单');
    expect(sqliteOf(w.h.app).prepare('SELECT count(*) AS n FROM task_units').get()).toEqual({ n: 10 });
  });
});

describe('涉密 on Lark: the guard sees every text part', () => {
  const assign = '@_user_1 交办 发改委 编制清单MARKER-L9 12月18日';
  const refusedAndGone = async () => {
    await w.settle();
    expect(content(0)).toContain('消息含密级标识');
    expect(await tasks()).toBe(0);
    expect(tablesHolding(sqliteOf(w.h.app), 'MARKER-L9')).toEqual([]);
    expect(w.h.logs.join('\n')).not.toContain('MARKER-L9');
  };

  it('refuses a rich-text message whose title carries 机密', async () => {
    w = await larkWorld();
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: assign, mentions: [bot], post: { title: '关于机密文件的说明' } }), KEY);
    await refusedAndGone();
  });

  it('refuses a rich-text message whose code block or markdown carries a folded mark', async () => {
    w = await larkWorld();
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: assign, mentions: [bot], post: { rows: [[{ tag: 'code_block', language: 'TEXT', text: '絕\u2060密' }]] } }), KEY);
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: assign, mentions: [bot], post: { rows: [[{ tag: 'md', text: '**祕・密**' }]] } }), KEY);
    await refusedAndGone();
    expect(content(1)).toContain('消息含密级标识');
  });

  it('refuses a mention whose name carries a mark', async () => {
    w = await larkWorld();
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: `${assign} @_user_2`, mentions: [bot, { key: '@_user_2', name: '機-密', openId: ou('wang-fang') }] }), KEY);
    await refusedAndGone();
  });

  it('refuses a card form value that carries a mark split by an invisible character', async () => {
    w = await larkWorld();
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] }), KEY);
    await w.settle();
    const card = w.fake.sent[0]?.messageId;
    const pressed = await postEvent(w.url, cardEvent({ operator: ou('wang-fang'), command: '办结 D-0001', form: '清单MARKER-L9 机\u2060密 已报送', messageId: card }), KEY);
    expect(JSON.parse(pressed.body).toast.content).toContain('消息含密级标识');
    await w.settle();
    expect((await w.h.app.storage.transaction((r) => r.tasks.findByCode('D-0001')))?.status).not.toBe('completed');
    expect(tablesHolding(sqliteOf(w.h.app), 'MARKER-L9')).toEqual([]);
  });
});

describe('card button presses', () => {
  it('answers a press in the card’s thread (its open_message_id), never to card:<event_id>', async () => {
    w = await larkWorld();
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] }), KEY);
    await w.settle();
    const card = w.fake.sent[0]?.messageId;
    await postEvent(w.url, cardEvent({ operator: ou('wang-fang'), command: '签收 D-0001', messageId: card }), KEY);
    await w.settle();
    expect(w.fake.sent).toHaveLength(2);
    expect(w.fake.sent[1]).toMatchObject({ replyTo: card });
    expect(sqliteOf(w.h.app).prepare("SELECT count(*) AS n FROM outbox WHERE status <> 'sent'").get()).toEqual({ n: 0 });
  });

  it('posts to the chat an answer queued for card:<event_id> (the fake answers 400 for an id that is no message)', async () => {
    w = await larkWorld();
    const r = await w.adapter.send({
      id: 7,
      platform: 'lark',
      targetKind: 'chat',
      targetId: 'oc_group',
      replyTo: 'card:ev_old',
      reply: { tone: 'success', title: '签收成功（1 项）' },
      attempts: 0,
      people: {},
      origin: 'test',
      createdAt: '',
    });
    expect(r.remoteId).toBeDefined();
    expect(w.fake.sent[0]).toMatchObject({ receiveId: 'oc_group', replyTo: undefined });
  });

  it('posts to the chat when Lark refuses the message it should answer (withdrawn, or an id it does not know)', async () => {
    w = await larkWorld();
    const r = await w.adapter.send({
      id: 8,
      platform: 'lark',
      targetKind: 'chat',
      targetId: 'oc_group',
      replyTo: 'om_withdrawn_meanwhile',
      reply: { tone: 'success', title: '签收成功（1 项）' },
      attempts: 0,
      people: {},
      origin: 'test',
      createdAt: '',
    });
    expect(r.remoteId).toBeDefined();
    expect(w.fake.sent).toHaveLength(1);
    expect(w.fake.sent[0]).toMatchObject({ receiveId: 'oc_group', replyTo: undefined, uuid: 'duban-8' });
  });
});
