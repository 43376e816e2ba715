import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_KINDS, PLATFORMS, fileAccountId, platformByWord, platformLabel } from '../../src/directory/account-kinds.js';
import { DEMO_DIRECTORY_PATH, parseDirectory } from '../../src/directory/load-directory.js';
import { PLATFORMS as PLATFORM_MODULES } from '../../src/adapters/platforms.js';
import { IdentityService } from '../../src/core/identity.js';
import type { BindingRepository } from '../../storage/repositories.js';

const demo = parse(readFileSync(DEMO_DIRECTORY_PATH, 'utf8')) as { people: Array<{ id: string; name: string; accounts?: Record<string, unknown> }> };

/** The demo directory with accounts written for the first two people. */
function withAccounts(first: Record<string, unknown>, second: Record<string, unknown> = {}): string {
  const doc = structuredClone(demo);
  doc.people[0]!.accounts = first;
  doc.people[1]!.accounts = second;
  return stringify(doc);
}

const noBindings = {
  isBlocked: async () => false,
  personFor: async () => undefined,
  accountFor: async () => undefined,
} as unknown as BindingRepository;

describe('account kinds: each platform declares its directory accounts once', () => {
  it('every platform the bot can run on (and the console) has its entry', () => {
    for (const m of PLATFORM_MODULES) {
      expect(PLATFORMS, m.name).toContain(m.name);
      expect(platformLabel(m.name)).toBe(m.label);
    }
    expect(PLATFORMS).toContain('console');
  });

  it('the words of each entry name its platform in 绑定/停用, in any letter case', () => {
    for (const p of PLATFORMS) for (const w of ACCOUNT_KINDS[p].words) expect(platformByWord(w.toUpperCase()), w).toBe(p);
    expect(platformByWord('钉钉')).toBeUndefined();
  });

  it('the directory file accepts, indexes and checks the accounts of every platform from the same table', () => {
    const d = parseDirectory(withAccounts({ lark: 'ou_first', wechat: 'wxid_first', console: '小周' }), 'x.yaml');
    const first = demo.people[0]!;
    expect(d.personByAccount('lark', 'ou_first')?.id).toBe(first.id);
    expect(d.personByAccount('wechat', 'wxid_first')?.id).toBe(first.id);
    // The console compares names loosely (full-width, spaces), as its lookupKey says.
    expect(d.personByAccount('console', ' 小 周 ')?.id).toBe(first.id);
    // A person without a written console account is still reachable by name there.
    expect(d.personByAccount('console', demo.people[1]!.name)?.id).toBe(demo.people[1]!.id);
    for (const p of PLATFORMS) {
      const again = withAccounts({ [p]: 'same_account' }, { [p]: 'same_account' });
      expect(() => parseDirectory(again, 'x.yaml'), p).toThrow(/账号「same_account」已绑定给/);
    }
  });

  it('a WeChat entry may name the contact by 备注/昵称 without an id; the id is what bindings use', async () => {
    const d = parseDirectory(withAccounts({ wechat: { alias: '发改委王芳' } }, { wechat: 'wxid_second' }), 'x.yaml');
    const [first, second] = [d.person(demo.people[0]!.id)!, d.person(demo.people[1]!.id)!];
    expect(first.accounts.wechat).toEqual({ alias: '发改委王芳' });
    expect(fileAccountId(first, 'wechat')).toBeUndefined();
    expect(second.accounts.wechat).toEqual({ id: 'wxid_second' });
    const identity = new IdentityService(d);
    expect(await identity.accountFor(noBindings, 'wechat', second.id)).toBe('wxid_second');
    expect(await identity.accountFor(noBindings, 'console', first.id)).toBe(first.name);
    expect(await identity.accountFor(noBindings, 'dingtalk', first.id)).toBeUndefined();
  });
});
