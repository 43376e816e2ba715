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
    const r = await identity().resolve({ id: 'c2', name: '钱敏' }, async (by, key) => (by === 'name' && key === '钱敏' ? 2 : 1));
    expect(r).toEqual({ note: '有 2 个微信账号的昵称或群昵称都是或形似「钱敏」，无法确定是哪一位' });
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

  it('refuses a lookalike of a directory 昵称 or 备注 (space, compatibility ideograph, zero-width, full width)', async () => {
    for (const name of ['钱 敏', '钱\uFA41', '钱\u200b敏', '钱\u3000敏', ' 钱敏']) {
      expect(await identity().resolve({ id: 'c5', name }, alone)).toEqual({
        note: `微信昵称「${name.trim()}」与通讯录中的「钱敏」相似但不完全相同，无法确认是本人`,
      });
    }
    expect(await identity().resolve({ id: 'c6', name: 'x', alias: '发改委王\u2060芳' }, alone)).toMatchObject({ note: expect.stringContaining('相似但不完全相同') });
  });

  it('counts namesakes under the same normalization as the claims', async () => {
    const keys: string[] = [];
    await identity().resolve({ id: 'c2', name: '钱敏' }, async (_by, key) => {
      keys.push(key);
      return 1;
    });
    expect(keys).toEqual(['钱敏']);
  });

  it('remembers the contact id only when asked, and only on an unambiguous match', async () => {
    const remembered: string[] = [];
    const accounts: WechatAccounts = {
      personFor: async () => undefined,
      accountFor: async () => undefined,
      remember: async (c, p) => void remembered.push(`${c}=${p}`),
    };
    const id = new ContactIdentity(directory, accounts);
    await id.resolve({ id: 'c2', name: '钱敏' }, alone);
    await id.resolve({ id: 'c3', name: '钱敏' }, async () => 2, { remember: true });
    await id.resolve({ id: 'c4', name: '钱敏' }, alone, { remember: true });
    expect(remembered).toEqual(['c4=qian-min']);
  });

  it('says so when nothing matches', async () => {
    expect(await identity().resolve({ id: 'c4', name: '路人甲' }, alone)).toEqual({ note: '按微信账号、备注、昵称都未找到对应的通讯录人员' });
  });
});
