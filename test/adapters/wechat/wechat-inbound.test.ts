import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../../src/time/shanghai.js';
import { makeWorld, type World } from './wechat-world.js';

let w: World;
beforeEach(async () => {
  w = await makeWorld({ settings: { rooms: ['省政府督办工作群', 'czt-room@chatroom'] } });
});
afterEach(() => w.close());

const task = (code = 'D-0001') => w.app.storage.transaction((r) => r.tasks.findByCode(code));
const taskCount = () => w.app.storage.transaction((r) => r.tasks.count({}));

describe('WeChat room, end to end (wechaty + PuppetMock)', () => {
  it('runs 交办 → 签收 → 进展 → 办结 with three members, each reply naming the command to type next', async () => {
    const { chen, wang, li } = w.people;
    const assign = await w.post(chen, '@督办助手 交办 发改委 制定营商环境优化提升实施方案 12月15日', { mentions: [w.me] });
    expect(assign.disposition).toBe('handled');
    expect(assign.sent).toHaveLength(1);
    const a = assign.sent[0];
    expect(a?.to).toBe(w.room.id);
    expect(a?.text).toContain('已交办 D-0001\n事项：制定营商环境优化提升实施方案\n牵头：省发展改革委（@芳芳\u2005）');
    // 王芳 is bound by 备注: the adapter found her among the room members and @-mentioned her for real.
    expect(a?.mentionIdList).toEqual([wang.id]);
    expect(a?.text.endsWith('回复「/签收 D-0001」')).toBe(true);

    w.clock.set(instantAt('2026-12-07', '10:12'));
    const ack = await w.post(wang, '/签收 D-0001');
    expect(ack.sent[0]?.text).toContain('D-0001 已签收（省发展改革委 王芳 12-07 10:12）');
    expect(ack.sent[0]?.text.endsWith('回复「/进展 D-0001 进展情况」；回复「/办结 D-0001 办理结果」')).toBe(true);

    const progress = await w.post(wang, '@督办助手\u2005进展 D-0001 60% 初稿已完成，正在征求意见', { mentions: [w.me] });
    expect(progress.sent[0]?.text).toContain('已记录 D-0001 进展 60%');

    w.clock.set(instantAt('2026-12-10', '16:00'));
    const done = await w.post(li, '/办结 D-0001 实施方案已印发');
    expect(done.sent[0]?.text).toContain('D-0001 已办结（按期）');
    expect(done.sent[0]?.text).toContain('办结情况将在督办专报中报交办人 陈立群（常务副省长） 阅知。');
    expect(done.sent[0]?.mentionIdList ?? []).not.toContain(chen.id);

    expect(await task()).toMatchObject({ status: 'completed', result: '实施方案已印发', progress: 100, completedDate: '2026-12-10' });
    const id = (await task())?.id ?? 0;
    const history = await w.app.storage.transaction((r) => r.audit.forTask(id));
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ['assign', 'chen-liqun'],
      ['acknowledge', 'wang-fang'],
      ['progress', 'wang-fang'],
      ['complete', 'li-ming'],
      ['verify_draw', 'li-ming'], // the first completion is always drawn for 复核
    ]);
    expect(history.every((h) => 'message' in h.source && h.source.message.platform === 'wechat' && h.source.message.chatId === w.room.id)).toBe(true);
  });

  it('turns an @mention of a unit head into that person, whatever their WeChat nickname', async () => {
    const { chen, li } = w.people;
    const r = await w.post(chen, '@督办助手 交办 @老李 研究项目资金需求 12月18日', { mentions: [w.me, li] });
    expect((await task())?.units).toEqual([expect.objectContaining({ unitId: 'fgw', role: 'lead', responsibleId: 'li-ming' })]);
    expect(r.sent[0]?.text).toContain('牵头：省发展改革委（@老李\u2005）');
    expect(r.sent[0]?.mentionIdList).toEqual([li.id]);
  });

  it('remembers a contact matched by a unique 昵称, and refuses a later namesake instead of guessing', async () => {
    const { chen } = w.people;
    await w.post(chen, '/交办 发改委 财政厅 研究资金方案 12月18日');
    const qian = w.mocker.createContact({ id: 'wxid_qianmin', name: '钱敏' });
    const czt = w.mocker.createRoom({ id: 'czt-room@chatroom', topic: '财政工作群', memberIdList: [w.me.id, qian.id, chen.id] });
    // While the 昵称 is unique, 钱敏 (bound by 昵称 in the directory) is recognised, and her contact id remembered.
    expect((await w.post(qian, '/进展 D-0001 资金测算中', { to: czt })).disposition).toBe('handled');
    expect(await w.app.storage.transaction((r) => r.bindings.personFor('wechat', 'wxid_qianmin'))).toBe('qian-min');

    const namesake = w.mocker.createContact({ id: 'wxid_qianmin_2', name: '钱敏' });
    czt.payload.memberIdList.push(namesake.id);
    const r = await w.post(namesake, '/签收 D-0001', { to: czt });
    expect(r.disposition).toBe('refused');
    expect(r.sent[0]?.text).toBe(
      '钱敏，微信昵称「钱敏」与通讯录中的 钱敏 相符，但 钱敏 已绑定另一个微信账号。您的账号尚未登记在通讯录中，暂不能使用督办命令。' +
        '请管理员（孙丽）发送「绑定 wxid_qianmin_2 通讯录姓名」完成绑定。',
    );
    // The real one is matched by id now, namesake or not.
    expect((await w.post(qian, '/查询 我的', { to: czt })).disposition).toBe('handled');
    expect((await task())?.units[1]).toMatchObject({ unitId: 'czt', ackedBy: 'qian-min' }); // signed by the earlier 进展 only
  });

  it('answers an unknown contact with its id for 绑定, and an admin can bind it by @mention', async () => {
    const stranger = w.mocker.createContact({ id: 'wxid_hejing', name: '静' });
    const admin = w.mocker.createContact({ id: 'wxid_sunli', name: '孙丽' });
    const czt = w.mocker.createRoom({ id: 'czt-room@chatroom', topic: '财政工作群', memberIdList: [w.me.id, stranger.id, admin.id] });
    const r = await w.post(stranger, '/帮助', { to: czt });
    expect(r.sent[0]?.text).toContain('静，按微信账号、备注、昵称都未找到对应的通讯录人员。');
    expect(r.sent[0]?.text).toContain('发送「绑定 wxid_hejing 通讯录姓名」');
    const bind = await w.post(admin, '/绑定 @静 何静', { to: czt, mentions: [stranger] });
    expect(bind.sent[0]?.text).toContain('已绑定：微信账号 wxid_hejing → 何静');
    expect((await w.post(stranger, '/查询 我的', { to: czt })).disposition).toBe('handled');
  });

  it('has no second effect for a replayed message id, and drops history older than start-up', async () => {
    const { chen } = w.people;
    const first = await w.post(chen, '/交办 发改委 研究资金方案 12月18日', { id: 'wx-replayed-1' });
    expect(first.sent).toHaveLength(1);
    const again = await w.post(chen, '/交办 发改委 研究资金方案 12月18日', { id: 'wx-replayed-1' });
    expect(again).toMatchObject({ disposition: 'duplicate', sent: [] });
    const old = await w.post(chen, '/交办 财政厅 旧消息 12月18日', { timestamp: Date.now() - 10 * 60_000 });
    expect(old).toMatchObject({ disposition: 'stale', sent: [] });
    expect(await taskCount()).toBe(1);
  });

  it('ignores the bot’s own messages, rooms it does not serve and room talk not addressed to it', async () => {
    const { chen } = w.people;
    expect((await w.post(w.me, '/交办 发改委 自己发的 12月18日')).disposition).toBe('self');
    const other = w.mocker.createRoom({ id: 'chat@chatroom', topic: '闲聊群', memberIdList: [w.me.id, chen.id] });
    expect((await w.post(chen, '/交办 发改委 别的群 12月18日', { to: other })).disposition).toBe('unserved');
    expect(w.logs.some((l) => l.includes('微信群不在 DUBAN_WECHAT_ROOMS 中') && l.includes('chat@chatroom'))).toBe(true);
    expect((await w.post(chen, '交办 发改委 没有@机器人 12月18日')).disposition).toBe('not-addressed');
    expect(await taskCount()).toBe(0);
    expect(w.sent).toEqual([]);
  });

  it('answers one-to-one messages in the same chat, with commands to type without /', async () => {
    const { chen, wang } = w.people;
    await w.post(chen, '/交办 发改委 研究资金方案 12月18日');
    const r = await w.post(wang, '签收', { to: w.me });
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]?.to).toBe(wang.id);
    expect(r.sent[0]?.text).toContain('D-0001 已签收（省发展改革委 王芳');
    expect(r.sent[0]?.text.endsWith('回复「进展 D-0001 进展情况」；回复「办结 D-0001 办理结果」')).toBe(true);
  });

  it('handles two quick messages in one room in the order they came', async () => {
    const { chen, li } = w.people;
    // The first takes longer to normalize (a mention to resolve); without the per-room queue it would finish second.
    const first = w.post(chen, '/交办 @老李 第一件事项 12月18日', { mentions: [li] });
    const second = w.post(chen, '/交办 财政厅 第二件事项 12月18日');
    await Promise.all([first, second]);
    expect((await task('D-0001'))?.title).toBe('第一件事项');
    expect((await task('D-0002'))?.title).toBe('第二件事项');
  });
});

describe('a failing handler', () => {
  it('is logged and does not stop the next message', async () => {
    await w.close();
    w = await makeWorld({
      handle: (app) => async (m) => {
        if (m.text.includes('炸')) throw new Error('boom');
        return app.bot.handle(m);
      },
    });
    expect((await w.post(w.people.chen, '/炸')).disposition).toBe('error');
    expect(w.logs.some((l) => l.includes('wechat message failed') && l.includes('boom'))).toBe(true);
    expect((await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月18日')).disposition).toBe('handled');
  });
});
