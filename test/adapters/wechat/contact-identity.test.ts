import { describe, expect, it } from 'vitest';
import { ContactIdentity, type WechatAccounts } from '../../../src/adapters/wechat/contact-identity.js';
import { wechatDirectory } from './wechat-directory.js';

const directory = wechatDirectory({
  'wang-fang': { wechat: { alias: '发改委王芳' } },
  'li-ming': { wechat: { id: 'wxid_liming', name: '老李' } },
  'qian-min': { wechat: { name: '钱敏' } },
  'he-jing': { wechat: { name: '小何' } },
  'yang-fan': { wechat: { name: '小何' } },
});

function identity(runtime: Record<string, string> = {}): ContactIdentity {
  const accounts: WechatAccounts = {
    async personFor(id) {
      const bound = runtime[id];
      return bound ? directory.person(bound) : directory.personByAccount('wechat', id);
    },
    async accountFor(personId) {
      return Object.entries(runtime).find(([, p]) => p === personId)?.[0] ?? directory.person(personId)?.accounts.wechat?.id;
    },
  };
  return new ContactIdentity(directory, accounts);
}
const alone = async () => 1;

describe('matching WeChat contacts to directory people', () => {
  it('takes a runtime binding, then the id in the directory file', async () => {
    const id = identity({ wxid_new: 'wang-fang' });
    expect(await id.resolve({ id: 'wxid_new', name: '随便' }, alone)).toEqual({ personId: 'wang-fang', via: 'id' });
    expect(await id.resolve({ id: 'wxid_liming', name: '别的昵称' }, alone)).toEqual({ personId: 'li-ming', via: 'id' });
  });

  it('then the 备注, then the 昵称, when exactly one contact carries it', async () => {
    const id = identity();
    expect(await id.resolve({ id: 'c1', name: '芳芳', alias: '发改委王芳' }, alone)).toEqual({ personId: 'wang-fang', via: 'alias' });
    expect(await id.resolve({ id: 'c2', name: '钱敏' }, alone)).toEqual({ personId: 'qian-min', via: 'name' });
  });

  it('refuses a 昵称 that two contacts share, naming the count', async () => {
    const r = await identity().resolve({ id: 'c2', name: '钱敏' }, async (by, value) => (by === 'name' && value === '钱敏' ? 2 : 1));
    expect(r).toEqual({ note: '有 2 个微信账号的昵称或群昵称都是「钱敏」，无法确定是哪一位' });
  });

  it('refuses a 昵称 that two directory entries claim', async () => {
    expect(await identity().resolve({ id: 'c3', name: '小何' }, alone)).toEqual({
      note: '微信昵称「小何」在通讯录中对应多人（何静、杨帆），无法确定是哪一位',
    });
  });

  it('does not take a namesake for someone whose WeChat id is known', async () => {
    expect(await identity().resolve({ id: 'impostor', name: '老李' }, alone)).toEqual({
      note: '微信昵称「老李」与通讯录中的 李明 相符，但 李明 已绑定另一个微信账号',
    });
    expect(await identity({ wxid_wf: 'wang-fang' }).resolve({ id: 'c9', name: 'x', alias: '发改委王芳' }, alone)).toMatchObject({
      note: expect.stringContaining('王芳 已绑定另一个微信账号'),
    });
  });

  it('says so when nothing matches', async () => {
    expect(await identity().resolve({ id: 'c4', name: '路人甲' }, alone)).toEqual({ note: '按微信账号、备注、昵称都未找到对应的通讯录人员' });
  });
});
