import { afterEach, describe, expect, it } from 'vitest';
import { foldForGuard } from '../../src/core/fold-text.js';
import { makeHarness, type Harness } from '../support/harness.js';
import { tablesHolding } from '../support/stored-anywhere.js';
import { sqliteOf } from '../support/raw-sql.js';

let h: Harness;
afterEach(() => h.close());

/** Every way of writing a mark that the guard must see through. */
const FORMS: Array<[string, string]> = [
  ['traditional 機密', '機密'],
  ['traditional 絕密', '絕密'],
  ['variant 絶密', '絶密'],
  ['variant 祕密', '祕密'],
  ['variant 袐密', '袐密'],
  ['full-width brackets', '【机密】'],
  ['U+2060 word joiner', '机\u2060密'],
  ['U+00AD soft hyphen', '机\u00ad密'],
  ['U+180E Mongolian vowel separator', '绝\u180e密'],
  ['U+034F combining grapheme joiner', '秘\u034f密'],
  ['U+FE0F variation selector', '机\ufe0f密'],
  ['U+202E bidi override', '机\u202e密'],
  ['U+2066 bidi isolate', '秘\u2066密\u2069'],
  ['U+3164 Hangul filler', '机\u3164密'],
  ['U+2800 braille blank', '机\u2800密'],
  ['hyphen', '机-密'],
  ['slash', '机/密'],
  ['dot', '机.密'],
  ['顿号', '机、密'],
  ['underscore', '绝_密'],
  ['katakana middle dot', '秘・密'],
  ['brackets around each', '（机）（密）'],
  ['spaces and ideographic space', '机 　密'],
  ['combining acute', '机\u0301密'],
  ['compatibility ㊙', '㊙密'],
  ['a trade-secret phrase', '商业秘密'],
];

describe('涉密: every form of a mark is refused and nothing of the message is kept', () => {
  it.each(FORMS)('refuses a mark written with %s', async (_label, mark) => {
    h = await makeHarness();
    const r = await h.say('孙丽', `交办 发改委 编制清单MARKER-Q7 ${mark}材料 12月18日`);
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('消息含密级标识');
    expect(await h.app.storage.transaction((repos) => repos.tasks.count({}))).toBe(0);
    expect(tablesHolding(sqliteOf(h.app), 'MARKER-Q7')).toEqual([]);
    expect(h.logs.join('\n')).not.toContain('MARKER-Q7');
  });

  it('accepts what is not a mark: 保密工作, 不涉密, 秘书长, 密切配合', async () => {
    h = await makeHarness();
    const r = await h.say('孙丽', '交办 发改委 做好保密工作（本事项不涉密），请秘书长密切配合 12月18日');
    expect(r.result.outcome).toBe('handled');
    expect(await h.app.storage.transaction((repos) => repos.tasks.count({}))).toBe(1);
  });

  it('sees marks in mention names, the sender name and the chat title too', async () => {
    h = await makeHarness();
    const base = { platform: 'console' as const, chatId: 'g', chatType: 'group' as const, senderAccountId: '孙丽', mentionsBot: true, text: '交办 发改委 编制清单MARKER-M1 12月18日' };
    const results = [
      await h.app.bot.handle({ ...base, messageId: 'a', mentions: [{ name: '機-密', accountId: 'x' }] }),
      await h.app.bot.handle({ ...base, messageId: 'b', mentions: [], senderName: '祕\u2060密' }),
      await h.app.bot.handle({ ...base, messageId: 'c', mentions: [], chatTitle: '绝密・专班' }),
      await h.app.bot.handle({ ...base, messageId: 'd', mentions: [], otherTexts: ['code block: 机 密'] }),
    ];
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(tablesHolding(sqliteOf(h.app), 'MARKER-M1')).toEqual([]);
    expect(tablesHolding(sqliteOf(h.app), '绝密・专班')).toEqual([]);
  });

  it('folds to the simplified mark', () => {
    for (const [, m] of FORMS) expect(foldForGuard(m)).toMatch(/^(机密|绝密|秘密|商业秘密)$/);
  });
});

describe('stored text is cleaned', () => {
  it('strips bidi controls and runs of combining marks from a title', async () => {
    h = await makeHarness();
    const zalgo = '\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308';
    const r = await h.say('孙丽', `交办 发改委 \u202e编制\u2066清单\u2069${zalgo}项目\u202c 12月18日`);
    expect(r.result.outcome).toBe('handled');
    const task = await h.app.storage.transaction((repos) => repos.tasks.findByCode('D-0001'));
    expect(task?.title).toBe('编制清单项目');
    for (const c of ['\u202e', '\u2066', '\u2069', '\u202c', '\u0301']) expect(tablesHolding(sqliteOf(h.app), c)).toEqual([]);
  });
});
