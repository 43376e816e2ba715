import { UserError } from '../core/errors.js';
import { looksLikeUnreadDeadline, monthDotDay } from '../time/unread-deadline.js';
import type { Part } from './split-parts.js';

/**
 * A 交办 with no deadline read: its last part may still be one. `12.30` is taken (and removed
 * from the title parts); `春节前`, `1月中旬` are refused, never left in the title under a default.
 */
export function trailingDeadline(titleParts: Part[]): string | undefined {
  const last = titleParts.at(-1);
  if (!last || titleParts.length < 2) return undefined;
  const md = monthDotDay(last.text);
  if (md) {
    titleParts.pop();
    return md;
  }
  if (looksLikeUnreadDeadline(last.text)) {
    throw new UserError('bad_deadline', `时限「${last.text}」无法识别为具体日期，本条未交办。请写明日期或期限，如 12月31日、5个工作日、本周五。`);
  }
  return undefined;
}
