import { z } from 'zod';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { parseChineseNumber } from '../time/chinese-number.js';
import { addDays, addMonths, type LocalDate } from '../time/shanghai.js';

/** `延期 D-0001 10个工作日`: how much longer, counted from the deadline in force (not from today). */
export interface ExtensionSpan {
  n: number;
  unit: 'working' | 'day' | 'week' | 'month';
  /** As written, for the answer: 10个工作日. */
  text: string;
}

const SPAN = /^(?:延长|再延|顺延|延期|延)?([0-9]{1,3}|[一二两三四五六七八九十百]{1,4})\s*个?(工作日|天|日|周|星期|月)$/;

/** A span written alone (10个工作日, 两周, 1个月), or undefined; `至 …` is a date, never a span. */
export function readSpan(word: string): ExtensionSpan | undefined {
  const m = SPAN.exec(word.trim());
  if (!m) return undefined;
  const n = parseChineseNumber(m[1] ?? '');
  if (n === undefined || n < 1 || n > 366) return undefined;
  const u = m[2] ?? '';
  const unit = u === '工作日' ? 'working' : u === '月' ? 'month' : u === '周' || u === '星期' ? 'week' : 'day';
  return { n, unit, text: word.trim().replace(/^(?:延长|再延|顺延|延期|延)/, '') };
}

/** The day a span ends, from the deadline in force; a last day that is a rest day ends on the next working day. */
export function spanEnd(from: LocalDate, s: ExtensionSpan, calendar: WorkCalendar): LocalDate {
  if (s.unit === 'working') return calendar.addWorkingDays(from, s.n);
  const end = s.unit === 'month' ? addMonths(from, s.n) : addDays(from, s.unit === 'week' ? s.n * 7 : s.n);
  return calendar.onOrAfter(end);
}

/** The span as a command's argument schema reads it. */
export const extensionSpanArg = z.object({ n: z.number(), unit: z.enum(['working', 'day', 'week', 'month']), text: z.string() }).optional();
