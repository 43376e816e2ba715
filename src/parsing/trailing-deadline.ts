import { UserError } from '../core/errors.js';
import { looksLikeUnreadDeadline, monthDotDay } from '../time/unread-deadline.js';
import type { Part } from './split-parts.js';

/** A day written before 前 inside the title (于12月20日前完成…, 本周五前报送…): the deadline meant. */
const IN_TITLE_BEFORE = /(?:\d{4}年|今年|明年)?\d{1,2}月\d{1,2}[日号]|(?:本|下|这)?(?:周|星期)[一二三四五六日天]|(?:本|这个|下个?)?月(?:底|末)|\d{1,2}月(?:底|末)|(?:今|本)?年(?:底|末)|明天|后天/g;
const BEFORE_WORD = /^\s*(?:之前|以前|前)/;
/** A time the bot does not read, written before 前 inside the title: 春节前, 1月中旬前. */
const UNREAD_IN_TITLE = /(?:元旦|春节|过年|节日|清明|五一|劳动节|端午|中秋|国庆|两会)(?:之前|以前|前)|\d{1,2}月(?:初|上旬|中旬|下旬)(?:之前|以前|前)?/;

/**
 * A 交办 with no deadline read: its last part may still be one. `12.30` is taken (and removed
 * from the title parts); `春节前`, `1月中旬` are refused, never left in the title under a default.
 * Then the title itself: one day written before 前 inside it (`于12月20日前完成…`) is the
 * deadline, and the title stays as written; two such days, or a time the bot cannot read
 * (`春节前完成…`), are refused. The default deadline is only for work that names no time at all.
 */
export function trailingDeadline(titleParts: Part[]): string | undefined {
  const last = titleParts.at(-1);
  if (last && titleParts.length >= 2) {
    const md = monthDotDay(last.text);
    if (md) {
      titleParts.pop();
      return md;
    }
    if (looksLikeUnreadDeadline(last.text)) {
      throw new UserError('bad_deadline', `时限「${last.text}」无法识别为具体日期，本条未交办。请写明日期或期限，如 12月31日、5个工作日、本周五。`);
    }
  }
  return deadlineInTitle(titleParts.map((p) => p.text).join(' '));
}

/** The days written before 前 inside a title, in order, each once. */
function daysBeforeInTitle(title: string): Set<string> {
  const found = new Set<string>();
  for (const m of title.matchAll(IN_TITLE_BEFORE)) {
    const after = title.slice((m.index ?? 0) + m[0].length);
    if (BEFORE_WORD.test(after)) found.add(m[0]);
  }
  return found;
}

/**
 * What the 交办 answer says of days inside the title: that the deadline is the one written
 * there, or that another day written there is not the deadline (the one given apart is).
 */
export function titleDeadlineNotes(title: string, deadline: { expression: string; defaulted: boolean }): string[] {
  if (deadline.defaulted) return [];
  const days = [...daysBeforeInTitle(title)];
  if (days.length === 1 && days[0] === deadline.expression) return [`时限按事项中写明的「${deadline.expression}前」计。`];
  const others = days.filter((d) => d !== deadline.expression);
  if (others.length === 0) return [];
  return [`事项中另写有「${others.map((d) => `${d}前`).join('」「')}」，时限按「${deadline.expression}」计；需分阶段办理的，请用「分解」。`];
}

function deadlineInTitle(title: string): string | undefined {
  const found = daysBeforeInTitle(title);
  if (found.size > 1) throw new UserError('bad_deadline', `事项中写了 ${found.size} 个时限（${[...found].join('、')}），本条未交办。请只写一个时限。`);
  const unread = UNREAD_IN_TITLE.exec(title);
  if (found.size === 0 && unread) {
    throw new UserError('bad_deadline', `时限「${unread[0]}」无法识别为具体日期，本条未交办。请写明日期或期限，如 12月31日、5个工作日、本周五。`);
  }
  return [...found][0];
}
