import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { WEIGHT_KEYS } from '../reports/annual.js';
import { SettingsError } from './settings-error.js';

/**
 * Weights for the 年终考核 score (the documents leave them to each government), from the YAML
 * file named by DUBAN_ASSESSMENT_WEIGHTS:
 *   权重: { 按期办结率: 0.6, 逾期: -2, 复核不实: -3, 效能告诫: -5 }
 * Absent: no score, the figures and the ranking rule only.
 */
export function loadAssessmentWeights(path: string | undefined): Record<string, number> | undefined {
  if (!path) return undefined;
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SettingsError(`配置有误：DUBAN_ASSESSMENT_WEIGHTS=${path} 无法读取（${(e as Error).message}）。请检查文件路径和 YAML 格式，或不设此项（不计得分）。`);
  }
  const weights = (doc as { 权重?: unknown } | null)?.权重;
  if (!weights || typeof weights !== 'object') throw new SettingsError(`配置有误：${path} 须有「权重:」一节，如 权重: { 按期办结率: 0.6, 逾期: -2 }。`);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(weights)) {
    if (!(WEIGHT_KEYS as readonly string[]).includes(k)) throw new SettingsError(`配置有误：${path} 中的「${k}」不是考核项目，可用：${WEIGHT_KEYS.join('、')}。`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new SettingsError(`配置有误：${path} 中「${k}」的权重须为数字。`);
    out[k] = v;
  }
  return out;
}
