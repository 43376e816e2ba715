import type { WorkCalendar } from '../calendar/work-calendar.js';
import { UserError } from '../core/errors.js';
import { parseDeadline } from '../time/parse-deadline.js';
import type { LocalDate } from '../time/shanghai.js';

/** Pulls `截止:日期` (or `时限:`) out of the text: the date, and the text without it. */
export function takeDueField(text: string, today: LocalDate, calendar: WorkCalendar): { due?: LocalDate; rest: string } {
  const m = /(?:截止|时限|期限)[:：]\s*(\S+)/.exec(text);
  if (!m) return { rest: text.trim() };
  const d = parseDeadline(m[1] ?? '', today, calendar);
  if (d.kind !== 'ok') throw new UserError('bad_deadline', d.kind === 'invalid' ? `${d.reason}。` : `「${m[1]}」不是日期。`);
  return {
    due: d.deadline.date,
    rest: text
      .replace(m[0], '')
      .replace(/\s{2,}/g, ' ')
      .trim(),
  };
}

/** `2026年` or `2026年度` at the start or end of the text: the year, and the text without it. */
export function takeYear(text: string): { year?: number; rest: string } {
  const m = /(?:^|\s)(\d{4})\s*年度?(?=\s|$)/.exec(text);
  if (!m) return { rest: text.trim() };
  return { year: Number(m[1]), rest: text.replace(m[0], ' ').trim() };
}
