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
    for (const [q] of CORPUS.filter(([q]) => /没|未|尚未/.test(q) && /办完|办结|完成|落实|办的/.test(q))) {
      const got = read(q);
      expect(got, q).not.toMatch(/\bdone\b/);
    }
  });

  it('reads 查询 … and the same plain words alike', () => {
    const pairs: Array<[string, string]> = [['查询 海州 未办结', '海州还有哪些没办结'], ['查询 发改委 逾期', '发改委逾期的有哪些'], ['查询 本周到期', '本周到期的有哪些']];
    for (const [a, b] of pairs) expect(read(a)).toBe(read(b));
  });
});
