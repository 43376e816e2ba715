import { normalizeTaskCode } from '../domain/task.js';
import { normalizeCoordinationCode } from '../domain/coordination.js';

/** `D-0001 60% 已完成初稿` → the task code and the rest of the text. */
export function parseCodeAndText(text: string): { code?: string; rest: string } {
  const m = /^\s*([Dd][-－—_]?\s*\d{1,9}(?:[-－—_]\d{1,3}(?!\d))?)(?![\d])\s*[:：,，]?\s*/.exec(text);
  if (!m) return { rest: text.trim() };
  return { code: normalizeTaskCode(m[1]?.replace(/\s/g, '') ?? ''), rest: text.slice(m[0].length).trim() };
}

/** `C-0001 意见…` → the coordination code and the rest of the text. */
export function parseCoordinationCode(text: string): { code?: string; rest: string } {
  const m = /^\s*([Cc][-－—_]?\s*\d{1,9})(?![\d])\s*[:：,，]?\s*/.exec(text);
  if (!m) return { rest: text.trim() };
  return { code: normalizeCoordinationCode(m[1]?.replace(/\s/g, '') ?? ''), rest: text.slice(m[0].length).trim() };
}
