import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../src/directory/load-directory.js';
import { readQuestion } from '../../src/query/read-question.js';
import { CORPUS } from './corpus.js';
import { summarize } from './reading-summary.js';

const directory = loadDirectory();
const TODAY = '2026-12-07';
const read = (q: string) => summarize(readQuestion(q.replace(/^查询\s*/, ''), directory, TODAY));

describe('question corpus', () => {
  it('has at least 150 questions, none twice', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map(([q]) => q)).size).toBe(CORPUS.length);
  });

  it('reads every question as expected', () => {
    const wrong = CORPUS.map(([q, expected]) => ({ q, expected, got: read(q) })).filter((r) => r.got !== r.expected);
    expect(wrong).toEqual([]);
  });

  it('never answers a negated question with its positive', () => {
    // 有没有 / 是不是 / …了没有 ask yes or no; they negate nothing.
    const negated = (q: string, verb: string) => new RegExp(`(没|未|尚未|还没|没有|不)[有能按时期]*(${verb})`).test(q.replace(/还?有没有|是不是|了?没有[？?]?$/g, ''));
    const done = CORPUS.filter(([q]) => negated(q, '办完|办结|完成|落实|办'));
    const signed = CORPUS.filter(([q]) => negated(q, '签收'));
    const overdue = CORPUS.filter(([q]) => negated(q, '逾期|到期'));
    expect(done.length + signed.length + overdue.length).toBeGreaterThan(30);
    for (const [q] of done) expect(read(q), q).not.toMatch(/\bdone\b/);
    for (const [q] of signed) expect(read(q), q).not.toMatch(/(^| )acked\b/);
    for (const [q] of overdue) expect(read(q), q).not.toMatch(/(^| )overdue\b/);
  });

  it('reads 查询 … and the same plain words alike', () => {
    const pairs: Array<[string, string]> = [
      ['查询 海州 未办结', '海州还有哪些没办结'],
      ['查询 发改委 逾期', '发改委逾期的有哪些'],
      ['查询 本周到期', '本周到期的有哪些'],
    ];
    for (const [a, b] of pairs) expect(read(a)).toBe(read(b));
  });
});

describe('a code alone', () => {
  it('is read by the short path exactly as the question reader reads it, and nothing else is', async () => {
    const { codeAlone } = await import('../../commands/query.js');
    const fc = await import('fast-check');
    const code = fc.tuple(fc.constantFrom('D', 'd', 'C', 'c', 'X'), fc.integer({ min: 0, max: 99999 }), fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 2 }), fc.constantFrom('', ' ', '  '));
    fc.assert(
      fc.property(code, ([letter, n, stages, pad]) => {
        const text = `${pad}${letter}-${String(n).padStart(4, '0')}${stages.map((s) => `-${s}`).join('')}${pad}`;
        const fast = codeAlone(text);
        if (fast) expect(fast).toEqual(readQuestion(text, directory, TODAY));
        // Only what the reader does not read as one code is left to it.
        const read = readQuestion(text, directory, TODAY);
        const oneCode = (read.reading?.kind === 'task' || read.reading?.kind === 'coordination') && read.ignored.length === 0;
        return fast !== undefined || !oneCode;
      }),
    );
    for (const text of ['D-0003 怎么样了', 'D-0003和D-0005', '发改委', 'D-', '']) expect(codeAlone(text)).toBeUndefined();
  });
});

describe('generated phrasings', () => {
  it('any unit, negation, verb and particles: always 未办结, never 办结', async () => {
    const fc = await import('fast-check');
    const aliases = directory.allUnits().flatMap((u) => [u.name, ...u.aliases]);
    fc.assert(
      fc.property(
        fc.constantFrom(...aliases),
        fc.constantFrom('', '请问', '请问一下', '麻烦查一下'),
        fc.constantFrom('还有几件', '还有多少件', '有哪些', '', '的事项'),
        fc.constantFrom('没', '没有', '未', '尚未', '还没', '还没有', '仍未'),
        fc.constantFrom('办完', '办结', '完成', '落实', '办'),
        fc.constantFrom('', '的', '呢', '吗', '？', '?'),
        (unit, before, middle, neg, verb, end) => {
          const got = read(`${before}${unit}${middle}${neg}${verb}${end}`);
          return /^unit:\S+ open /.test(got) && !/\bdone\b/.test(got);
        },
      ),
      { numRuns: 400, seed: 14 },
    );
  });

  it('never throws on arbitrary text', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (t) => typeof read(t) === 'string'),
      { numRuns: 500, seed: 14 },
    );
  });
});
