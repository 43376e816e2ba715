import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorld, type ContactMock, type RoomMock, type World } from './wechat-world.js';

/**
 * Acting as someone else by name in WeChat: lookalike 昵称 while the real person is in the
 * room, 群昵称 lockouts, and contacts remembered by id after their first unambiguous match.
 * Real wechaty on wechaty-puppet-mock, through the adapter and the core.
 */
let w: World;
let qian: ContactMock;
let czt: RoomMock;
beforeEach(async () => {
  w = await makeWorld({ settings: { rooms: ['省政府督办工作群', 'czt-room@chatroom'] } });
  qian = w.mocker.createContact({ id: 'wxid_qianmin', name: '钱敏' });
  czt = w.mocker.createRoom({ id: 'czt-room@chatroom', topic: '财政工作群', memberIdList: [w.me.id, qian.id, w.people.chen.id] });
  await w.post(w.people.chen, '/交办 财政厅 研究资金方案 12月18日');
});
afterEach(() => w.close());

const task = () => w.app.storage.transaction((r) => r.tasks.findByCode('D-0001'));
const join = (id: string, name: string) => {
  const c = w.mocker.createContact({ id, name });
  czt.payload.memberIdList.push(c.id);
  return c;
};

describe('WeChat impersonation by a lookalike name', () => {
  for (const [label, name] of <Array<[string, string]>>[
    ['a space', '钱 敏'],
    ['a compatibility ideograph (U+FA41)', '钱\uFA41'],
    ['a zero-width joiner', '钱\u200d敏'],
    ['an ideographic space', '钱\u3000敏'],
  ]) {
    it(`refuses a member whose 昵称 is 钱敏 written with ${label}, while the real 钱敏 sits in the room`, async () => {
      const impostor = join('wxid_impostor', name);
      const r = await w.post(impostor, '/签收 D-0001', { to: czt });
      expect(r.disposition).toBe('refused');
      expect(r.sent[0]?.text).toContain('与通讯录中的「钱敏」相似但不完全相同，无法确认是本人');
      expect(r.sent[0]?.text).toContain('绑定 wxid_impostor 通讯录姓名');
      expect((await task())?.units[0]?.ackedAt).toBeUndefined();
      expect(await w.app.storage.transaction((r2) => r2.bindings.personFor('wechat', 'wxid_impostor'))).toBeUndefined();
    });
  }

  it('counts a lookalike as a namesake: the real 钱敏, not yet known by id, is not guessed either', async () => {
    join('wxid_impostor', '钱 敏');
    const r = await w.post(qian, '/签收 D-0001', { to: czt });
    expect(r.disposition).toBe('refused');
    expect(r.sent[0]?.text).toContain('有 2 个微信账号的昵称或群昵称都是或形似「钱敏」');
    expect((await task())?.units[0]?.ackedAt).toBeUndefined();
  });

  it('matches the real 钱敏 by her remembered id once she was seen alone, lookalike or namesake in the room', async () => {
    expect((await w.post(qian, '/查询 我的', { to: czt })).disposition).toBe('handled');
    const audit = await w.app.storage.transaction((r) => r.audit.forSubject('person:qian-min'));
    expect(audit.map((a) => a.action)).toEqual(['bind_remembered']);
    const twin = join('wxid_twin', '钱敏');
    join('wxid_impostor', '钱 敏');
    const ack = await w.post(qian, '/签收 D-0001', { to: czt });
    expect(ack.sent[0]?.text).toContain('D-0001 已签收（省财政厅 钱敏');
    const r = await w.post(twin, '/进展 D-0001 50% 冒名', { to: czt });
    expect(r.disposition).toBe('refused');
    expect(r.sent[0]?.text).toContain('钱敏 已绑定另一个微信账号');
    expect((await task())?.progress).toBeUndefined();
  });

  it('does not let another member lock a person out by taking her 备注 as a 群昵称', async () => {
    const squatter = join('wxid_squatter', '某人');
    w.room.payload.memberIdList.push(squatter.id);
    const original = w.puppet.roomMemberRawPayload.bind(w.puppet);
    w.puppet.roomMemberRawPayload = async (roomId: string, contactId: string) => ({
      ...(await original(roomId, contactId)),
      ...(contactId === squatter.id ? { roomAlias: '发改委王芳' } : {}),
    });
    await w.post(w.people.chen, '/交办 发改委 研究项目方案 12月18日');
    const r = await w.post(w.people.wang, '/签收 D-0002');
    expect(r.sent[0]?.text).toContain('D-0002 已签收（省发展改革委 王芳');
    // The squatter himself is not 王芳: a 群昵称 is not a 备注.
    expect((await w.post(squatter, '/签收 D-0002')).sent[0]?.text).toContain('尚未登记');
  });

  it('refuses a contact an administrator blocked (停用), even one written in the directory file', async () => {
    const admin = w.mocker.createContact({ id: 'wxid_sunli', name: '孙丽' });
    w.room.payload.memberIdList.push(admin.id);
    const r = await w.post(admin, '/停用 wxid_liming');
    expect(r.sent[0]?.text).toContain('已停用：微信账号 wxid_liming（通讯录文件中为 李明）');
    const li = await w.post(w.people.li, '/查询 我的');
    expect(li.disposition).toBe('refused');
    expect(li.sent[0]?.text).toContain('已被管理员停用');
  });
});
