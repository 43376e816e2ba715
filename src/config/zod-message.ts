import type { z } from 'zod';

/** The most specific message of a zod issue (record keys and unions nest theirs). */
export function issueMessage(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return '格式错误';
  const nested = (issue as { issues?: unknown }).issues;
  if (Array.isArray(nested)) {
    const first = nested.flat()[0] as z.core.$ZodIssue | undefined;
    if (first) return issueMessage(first);
  }
  return translate(issue);
}

/** zod's English defaults, in the administrator's language. */
function translate(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (/[\u4e00-\u9fff]/.test(m)) return m; // already a message written for administrators
  if (issue.code === 'invalid_type') {
    return m.includes('received undefined') ? '缺少此项' : `类型不对（应为 ${(issue as { expected?: string }).expected ?? '其他类型'}）`;
  }
  if (issue.code === 'unrecognized_keys') return `有无法识别的字段：${(issue as { keys?: string[] }).keys?.join('、') ?? ''}`;
  if (issue.code === 'invalid_value') return `取值不对：${m}`;
  return m;
}
