import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { DEMO_DIRECTORY_PATH, parseDirectory } from '../../src/directory/load-directory.js';
import type { InboundMessage } from '../../src/core/inbound.js';

/** The demo directory with Lark accounts in the file, a 督查室 member 田野 and a second administrator, 马超. */
function directory() {
  const doc = parse(readFileSync(DEMO_DIRECTORY_PATH, 'utf8')) as { people: Array<Record<string, unknown>> };
  for (const p of doc.people) {
    if (p.id === 'wang-fang') p.accounts = { lark: 'ou_wangfang' };
    if (p.id === 'li-ming') p.accounts = { lark: 'ou_liming' };
  }
  doc.people.push({ id: 'tian-ye', name: '田野', title: '省政府督查室干部', unit: 'bgt', roles: ['督查室'] });
  doc.people.push({ id: 'ma-chao', name: '马超', title: '办公厅信息处干部', unit: 'bgt', roles: ['管理员'] });
  return parseDirectory(stringify(doc), 'bind-authority-test');
}

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ directory: directory() });
});
afterEach(() => h.close());

const larkSays = (account: string, text: string) => {
  const msg: InboundMessage = {
    platform: 'lark',
    messageId: `lark-${Math.random()}`,
    chatId: 'oc_group',
    chatType: 'group',
    senderAccountId: account,
    text,
    mentions: [],
    mentionsBot: true,
  };
  return h.app.bot.handle(msg);
};
const bindings = () => h.app.storage.transaction((r) => r.bindings.list());
const personFor = (platform: string, account: string) => h.app.storage.transaction((r) => h.app.identity.personFor(r.bindings, platform, account)).then((p) => p?.id);

describe('绑定 is an administrator act, and never silent', () => {
  it('is refused to a 督查室 member who is not an administrator', async () => {
    for (const [command, name] of [
      ['绑定 acct-1 李明', '绑定'],
      ['解绑 李明', '解绑'],
      ['停用 ou_liming 飞书', '停用'],
      ['确认绑定 1', '确认绑定'],
    ]) {
      expect((await h.say('田野', command ?? '')).text).toContain(`「${name}」仅限管理员使用。您的角色是督查室。`);
    }
    expect(await bindings()).toEqual([]);
    expect(await personFor('lark', 'ou_liming')).toBe('li-ming');
  });

  it('refuses an account the directory file gives to someone else, unless it says 替换, and tells who loses it', async () => {
    const r = await h.say('孙丽', '绑定 ou_wangfang 李明 飞书');
    expect(r.text).toContain('飞书账号 ou_wangfang 已属于 王芳（通讯录文件），未改绑。如确需改绑给 李明，请发送「绑定 ou_wangfang 李明 飞书 替换」');
    expect(await personFor('lark', 'ou_wangfang')).toBe('wang-fang');

    const replaced = await h.say('孙丽', '绑定 ou_wangfang 李明 飞书 替换');
    expect(replaced.text).toContain('已绑定：飞书账号 ou_wangfang → 李明');
    expect(replaced.text).toContain('该账号原属 @王芳，已改绑。');
    expect(await personFor('lark', 'ou_wangfang')).toBe('li-ming');
    // Both people are told, one to one.
    const told = replaced.messages.filter((m) => m.targetKind === 'person').map((m) => [m.targetId, m.reply.title]);
    expect(told).toEqual(
      expect.arrayContaining([
        ['王芳', '您的飞书账号 ou_wangfang 已由管理员 孙丽 改绑给 李明。如有异议，请联系管理员。'],
        ['李明', '管理员 孙丽 已把飞书账号 ou_wangfang 绑定为 李明。如非本人账号，请立即联系管理员。'],
      ]),
    );
    // 李明's own file account stops acting for him: one account per person per platform.
    expect(await personFor('lark', 'ou_liming')).toBeUndefined();
    const audit = await h.app.storage.transaction((r2) => r2.audit.forSubject('person:li-ming'));
    expect(audit.at(-1)).toMatchObject({ action: 'bind', actorId: 'sun-li', details: expect.objectContaining({ previousOwner: 'wang-fang', previousAccount: 'ou_liming', replace: true }) });
  });

  it('refuses to give a person a second account unless it says 替换; the old account is told and stops acting', async () => {
    await h.say('孙丽', '绑定 acct-1 王芳');
    const r = await h.say('孙丽', '绑定 acct-2 王芳');
    expect(r.text).toContain('王芳 已有控制台账号 acct-1，未改绑。如确需换成 acct-2，请发送「绑定 acct-2 王芳 替换」');
    expect(await personFor('console', 'acct-2')).toBeUndefined();
    const ok = await h.say('孙丽', '绑定 acct-2 王芳 替换');
    expect(ok.text).toContain('已绑定：控制台账号 acct-2 → 王芳');
    expect(ok.messages.some((m) => m.targetKind === 'person' && m.targetId === 'acct-1' && m.reply.title.includes('本账号不再代表本人'))).toBe(true);
    expect(await personFor('console', 'acct-1')).toBeUndefined();
    expect(await personFor('console', 'acct-2')).toBe('wang-fang');
  });

  it('does not let an administrator bind an account to himself', async () => {
    const r = await h.say('孙丽', '绑定 my-second-phone 孙丽');
    expect(r.text).toContain('管理员不能把账号绑定到本人');
    expect(await bindings()).toEqual([]);
  });

  it('binds an account to the governor only after a second administrator’s 确认绑定', async () => {
    const r = await h.say('孙丽', '绑定 acct-gov 周建国');
    expect(r.text).toContain('待确认：控制台账号 acct-gov → 周建国');
    expect(r.text).toContain('确认绑定 1');
    expect(await personFor('console', 'acct-gov')).toBeUndefined();
    expect((await h.say('acct-gov', '交办 发改委 冒充省长交办 12月20日')).text).toContain('尚未登记');

    expect((await h.say('孙丽', '确认绑定 1')).text).toContain('须由另一位管理员确认');
    expect(await personFor('console', 'acct-gov')).toBeUndefined();
    expect((await h.say('王芳', '确认绑定 1')).text).toContain('仅限管理员使用');

    const ok = await h.say('马超', '确认绑定 1');
    expect(ok.text).toContain('已绑定：控制台账号 acct-gov → 周建国');
    expect(await personFor('console', 'acct-gov')).toBe('zhou-jianguo');
    const audit = await h.app.storage.transaction((r2) => r2.audit.forSubject('person:zhou-jianguo'));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['bind_requested', 'sun-li'],
      ['bind', 'ma-chao'],
    ]);
    expect((await h.say('马超', '确认绑定 1')).text).toContain('没有编号为 1 的待确认绑定');
  });

  it('blocks an account written in the directory file at run time (停用), and 启用 restores it', async () => {
    expect((await larkSays('ou_wangfang', '查询 我的')).outcome).toBe('handled');
    const r = await h.say('孙丽', '停用 ou_wangfang 飞书');
    expect(r.text).toContain('已停用：飞书账号 ou_wangfang（通讯录文件中为 王芳）');
    const refused = await larkSays('ou_wangfang', '查询 我的');
    expect(refused.outcome).toBe('refused');
    expect(refused.reply?.title).toContain('您的账号已被管理员停用');
    expect((await h.say('孙丽', '绑定 ou_wangfang 王芳 飞书')).text).toContain('已停用');
    expect((await h.say('孙丽', '启用 ou_wangfang 飞书')).text).toContain('已启用：飞书账号 ou_wangfang');
    expect((await larkSays('ou_wangfang', '查询 我的')).outcome).toBe('handled');
  });
});
