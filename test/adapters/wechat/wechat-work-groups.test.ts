import { afterEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../../src/time/shanghai.js';
import { makeWorld, type World, type WorldOptions } from './wechat-world.js';

/**
 * Which WeChat groups receive the scheduled tallies: only groups an administrator registered
 * (本群登记为工作群 / 注销本群) or that DUBAN_WECHAT_ROOMS lists; a group is recorded at all only
 * when a directory person addressed the bot there.
 */
let w: World;
afterEach(() => w.close());

const ROOMS = ['省政府督办工作群', 'czt-room@chatroom', 'stranger-room@chatroom'];

async function setUp(o: WorldOptions = {}) {
  w = await makeWorld({ settings: { rooms: ROOMS }, ...o });
  const admin = w.mocker.createContact({ id: 'wxid_sunli', name: '孙丽' });
  const stranger = w.mocker.createContact({ id: 'wxid_stranger', name: '路人' });
  const czt = w.mocker.createRoom({ id: 'czt-room@chatroom', topic: '财政工作群', memberIdList: [w.me.id, admin.id, w.people.chen.id] });
  const strangers = w.mocker.createRoom({ id: 'stranger-room@chatroom', topic: '随便什么群', memberIdList: [w.me.id, stranger.id] });
  return { admin, stranger, czt, strangers };
}

const recordedGroups = () => w.app.storage.transaction((r) => r.chats.groups()).then((g) => g.map((c) => c.chatId));

/** Runs the scheduled jobs up to `date 09:30` and returns the rooms a 周通报 went to. */
async function tallyRooms(date: string): Promise<string[]> {
  const before = w.sent.length;
  await w.app.scheduler.runBetween(w.clock.now(), instantAt(date, '09:30'), w.clock);
  await w.flush();
  return w.sent
    .slice(before)
    .filter((s) => s.text.includes('督办周通报'))
    .map((s) => s.to);
}

describe('registered work groups only', () => {
  it('does not record a group where only an unregistered account addressed the bot', async () => {
    const { stranger, strangers } = await setUp();
    expect((await w.post(stranger, '/查询', { to: strangers })).disposition).toBe('refused');
    expect(await recordedGroups()).toEqual([]);
    expect(await tallyRooms('2026-12-14')).toEqual([]);
  });

  it('sends the 周通报 only to groups an administrator registered, until 注销本群', async () => {
    const { admin, stranger, czt, strangers } = await setUp();
    await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月9日');
    await w.post(stranger, '/查询', { to: strangers });
    const reg = await w.post(admin, '/本群登记为工作群', { to: czt });
    expect(reg.sent[0]?.text).toContain('本群已登记为工作群');
    expect((await recordedGroups()).sort()).toEqual([czt.id, w.room.id].sort());

    expect(await tallyRooms('2026-12-14')).toEqual([czt.id]);

    expect((await w.post(w.people.chen, '/本群登记为工作群')).sent[0]?.text).toContain('仅限管理员使用');
    expect((await w.post(admin, '/注销本群', { to: czt })).sent[0]?.text).toContain('已注销本群的工作群登记');
    expect(await tallyRooms('2026-12-21')).toEqual([]);
    const audit = await w.app.storage.transaction((r) => r.audit.forSubject(`chat:wechat:${czt.id}`));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['register_group', 'sun-li'],
      ['unregister_group', 'sun-li'],
    ]);
  });

  it('takes the groups DUBAN_WECHAT_ROOMS names (by topic or id) as registered', async () => {
    const { admin, czt } = await setUp({ core: { workGroupAllowlist: { wechat: ['省政府督办工作群'] } } });
    await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月9日');
    await w.post(admin, '/查询', { to: czt });
    expect(await tallyRooms('2026-12-14')).toEqual([w.room.id]);
  });
});
