import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssessmentWeights } from '../../src/config/assessment-weights.js';

const file = (text: string) => {
  const p = join(mkdtempSync(join(tmpdir(), 'weights-')), 'weights.yaml');
  writeFileSync(p, text);
  return p;
};

describe('DUBAN_ASSESSMENT_WEIGHTS', () => {
  it('reads the weights of the 年终考核 score, and none when unset', () => {
    expect(loadAssessmentWeights(undefined)).toBeUndefined();
    expect(loadAssessmentWeights(file('权重:\n  按期办结率: 0.6\n  逾期: -2\n'))).toEqual({ 按期办结率: 0.6, 逾期: -2 });
  });

  it('fails at start-up naming the wrong item or value', () => {
    expect(() => loadAssessmentWeights(file('权重:\n  加班: 1\n'))).toThrow('「加班」不是考核项目，可用：按期办结率');
    expect(() => loadAssessmentWeights(file('权重:\n  逾期: 很多\n'))).toThrow('「逾期」的权重须为数字');
    expect(() => loadAssessmentWeights(file('weights: 1\n'))).toThrow('须有「权重:」一节');
    expect(() => loadAssessmentWeights('/nonexistent/w.yaml')).toThrow('DUBAN_ASSESSMENT_WEIGHTS=/nonexistent/w.yaml 无法读取');
  });
});
