import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LocalDate } from '../time/shanghai.js';
import { parseDeadline } from '../time/parse-deadline.js';
import { UserError } from '../core/errors.js';
import { REFUSALS } from '../texts/refusals.js';

/**
 * `至 12月20日`, `12月10日至12月20日`, `到下周五`: a period from a start (default today) to an
 * end date, plus the words left over (the reason). Throws a user error for unreadable dates.
 */
export function parseDateRange(text: string, today: LocalDate, calendar: WorkCalendar): { from: LocalDate; to: LocalDate; rest: string } | undefined {
  const m = /(?:(\S+?)\s*)?(?:至|到|—|~|～)\s*(\S+)/.exec(text);
  if (!m) return undefined;
  const endText = m[2] ?? '';
  const end = parseDeadline(endText, today, calendar);
  if (end.kind === 'none') throw new UserError('bad_deadline', REFUSALS.notADate(endText));
  if (end.kind === 'invalid') throw new UserError('bad_deadline', `${end.reason}。`);
  let from = today;
  let consumed = m[0];
  if (m[1]) {
    const start = parseDeadline(m[1], today, calendar);
    if (start.kind === 'ok') from = start.deadline.date;
    else consumed = consumed.slice(m[1].length).trimStart();
  }
  if (end.deadline.date < from) throw new UserError('bad_deadline', '结束日期早于开始日期。');
  return { from, to: end.deadline.date, rest: text.replace(consumed, ' ').replace(/\s+/g, ' ').trim() };
}
