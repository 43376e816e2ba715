import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityKey } from '../../src/core/identity-key.js';
import { ContactIdentity, type WechatAccounts } from '../../src/adapters/wechat/contact-identity.js';
import { wechatDirectory } from '../adapters/wechat/wechat-directory.js';
import { makeWorld, type World } from '../adapters/wechat/wechat-world.js';

/**
 * Lookalike names: a directory 昵称/备注 written with invisible characters, other spaces, or
 * compatibility forms (CJK compatibility ideographs, Kangxi radicals, full width) must never
 * be taken for the person, and must count as the same name when namesakes are counted.
 */
const INVISIBLE = [
  ' ',
  '\u00a0',
  '\u3000',
  '\u2002',
  '\u2005',
  '\t',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u034f',
  '\u180e',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u3164',
  '\u2800',
  '\ufe0f',
  '\u115f',
  '\uffa0',
];

/** Every compatibility form in Unicode that NFKC folds to a single CJK character, by that character. */
const COMPAT = new Map<string, string[]>();
for (const [from, to] of [
  [0xf900, 0xfaff],
  [0x2f800, 0x2fa1f],
  [0x2f00, 0x2fd5],
  [0x2e80, 0x2ef3],
  [0xff01, 0xff5e],
] as const) {
  for (let cp = from; cp <= to; cp++) {
    const c = String.fromCodePoint(cp);
    const folded = c.normalize('NFKC');
    if (folded !== c && [...folded].length === 1) COMPAT.set(folded, [...(COMPAT.get(folded) ?? []), c]);
  }
}

const directory = wechatDirectory({
  'qian-min': { wechat: { name: '钱敏' } },
  'wang-fang': { wechat: { alias: '发改委王芳' } },
  'li-ming': { wechat: { name: '老李' } },
  'he-jing': { wechat: { name: 'Hejing 何' } },
});
const CLAIMS = directory
  .allPeople()
  .flatMap((p) => [p.accounts.wechat?.name, p.accounts.wechat?.alias])
  .filter((n): n is string => !!n);

/** A lookalike of `name`: at least one edit, each an inserted invisible character or a character swapped for a compatibility form. */
function lookalike(name: string): fc.Arbitrary<string> {
  const chars = [...name];
  const swappable = chars.map((c, i) => [i, COMPAT.get(c)] as const).filter((x): x is readonly [number, string[]] => x[1] !== undefined);
  const edit = fc.oneof(
    fc.tuple(fc.constant('insert' as const), fc.nat(chars.length), fc.constantFrom(...INVISIBLE)),
    ...(swappable.length > 0 ? [fc.constantFrom(...swappable).chain(([i, forms]) => fc.tuple(fc.constant('swap' as const), fc.constant(i), fc.constantFrom(...forms)))] : []),
  );
  return fc
    .array(edit, { minLength: 1, maxLength: 4 })
    .map((edits) => {
      const out = [...chars];
      for (const [kind, at, c] of [...edits].sort((a, b) => (a[0] === b[0] ? 0 : a[0] === 'swap' ? -1 : 1))) {
        if (kind === 'swap') out[at] = c;
        else out.splice(at % (out.length + 1), 0, c);
      }
      return out.join('');
    })
    .filter((s) => s !== name);
}

const claimAndLookalike = fc.constantFrom(...CLAIMS).chain((name) => fc.tuple(fc.constant(name), lookalike(name)));

describe('lookalike names (fast-check)', () => {
  it('have the same identity key as the name they imitate, and the key is stable', () => {
    fc.assert(
      fc.property(claimAndLookalike, ([name, fake]) => {
        expect(identityKey(fake)).toBe(identityKey(name));
        expect(identityKey(identityKey(fake))).toBe(identityKey(fake));
      }),
      { numRuns: 3000 },
    );
  });

  it('are never matched to the directory person, as 昵称 or as 备注', async () => {
    const accounts: WechatAccounts = { personFor: async () => undefined, accountFor: async () => undefined, remember: async () => {} };
    const identity = new ContactIdentity(directory, accounts);
    await fc.assert(
      fc.asyncProperty(claimAndLookalike, async ([, fake]) => {
        expect(await identity.resolve({ id: 'x', name: fake }, async () => 1, { remember: true })).not.toHaveProperty('personId');
        expect(await identity.resolve({ id: 'x', name: '路人', alias: fake }, async () => 1, { remember: true })).not.toHaveProperty('personId');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('an impostor with a lookalike 昵称 in the room (wechaty + PuppetMock)', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld({ settings: { rooms: ['省政府督办工作群'] }, core: { throttle: { burst: 1000, perMinute: 6000 } } });
    const qian = w.mocker.createContact({ id: 'wxid_qianmin', name: '钱敏' });
    w.room.payload.memberIdList.push(qian.id);
    await w.post(w.people.chen, '/交办 财政厅 研究资金方案 12月18日');
  });
  afterAll(() => w.close());

  it('never signs, reports or gets bound as 钱敏, whatever it sends', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(lookalike('钱敏'), fc.constantFrom('/签收 D-0001', '/进展 D-0001 50% 已完成测算', '/办结 D-0001 已完成', '/查询 我的'), async (name, text) => {
        const impostor = w.mocker.createContact({ id: `wxid_fake_${++n}`, name });
        w.room.payload.memberIdList.push(impostor.id);
        const r = await w.post(impostor, text);
        expect(r.disposition).toBe('refused');
        expect(r.sent.every((s) => s.text.includes('尚未登记'))).toBe(true);
      }),
      { numRuns: 40 },
    );
    const task = await w.app.storage.transaction((r) => r.tasks.findByCode('D-0001'));
    expect(task).toMatchObject({ status: 'pending', progress: undefined });
    expect(task?.units[0]?.ackedAt).toBeUndefined();
    expect(await w.app.storage.transaction((r) => r.bindings.list())).toEqual([]);
  });
});
