import type { WorkCalendar } from './work-calendar.js';
import type { LocalDate } from '../time/shanghai.js';
import { addDays, addMonths, endOfMonth, formatDateShortCn, makeDate, splitDate, startOfMonth, startOfWeek } from '../time/shanghai.js';
import { parseChineseNumber } from '../time/chinese-number.js';

/**
 * Periods: the weeks, months, quarters and years that tallies, jobs, questions and exports
 * speak of, and the words that name them. The one home for period arithmetic.
 */

/** A closed range of local dates with the words that named it. */
export interface Period {
  from: LocalDate;
  to: LocalDate;
  label: string;
}

export function weekOf(date: LocalDate, label = '本周'): Period {
  const from = startOfWeek(date);
  return { from, to: addDays(from, 6), label };
}

export function monthOf(date: LocalDate, label?: string): Period {
  const [y, m] = splitDate(date);
  return { from: startOfMonth(date), to: endOfMonth(date), label: label ?? `${y}年${m}月` };
}

export function quarterOf(year: number, q: number): Period {
  const from = makeDate(year, (q - 1) * 3 + 1, 1);
  return { from, to: endOfMonth(addMonths(from, 2)), label: `${year}年第${q}季度` };
}

/** Finds a period named in free text: 今天, 本周, 上周, 本月, 上月, 本季度, 2026年第4季度, 今年 … */
export function findPeriod(text: string, today: LocalDate): Period | undefined {
  const [y, m] = splitDate(today);
  if (/今天|今日/.test(text)) return { from: today, to: today, label: '今天' };
  if (/昨天|昨日/.test(text)) {
    const d = addDays(today, -1);
    return { from: d, to: d, label: '昨天' };
  }
  if (/上上周/.test(text)) return weekOf(addDays(today, -14), '上上周');
  if (/上周|上星期|上个星期|上礼拜/.test(text)) return weekOf(addDays(today, -7), '上周');
  if (/下周|下星期/.test(text)) return weekOf(addDays(today, 7), '下周');
  if (/本周|这周|本星期|这个星期|这星期|本礼拜/.test(text)) return weekOf(today, '本周');
  const q = /(?:(\d{4})年)?第?([一二三四1-4])季度/.exec(text);
  if (q) {
    const n = parseChineseNumber(q[2] ?? '') ?? 1;
    return quarterOf(q[1] ? Number(q[1]) : y, n);
  }
  if (/本季度|这个季度|本季/.test(text)) return quarterOf(y, Math.ceil(m / 3));
  if (/上季度|上个季度/.test(text)) {
    const cur = Math.ceil(m / 3);
    return cur === 1 ? quarterOf(y - 1, 4) : quarterOf(y, cur - 1);
  }
  const month = /(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,2})月份?(?!\d|[一二三四五六七八九十]{0,3}[日号])/.exec(text);
  if (/上个?月/.test(text)) return monthOf(addMonths(startOfMonth(today), -1), '上月');
  if (/本月|这个月|当月/.test(text)) return monthOf(today, '本月');
  if (month) {
    const n = parseChineseNumber(month[2] ?? '');
    if (n !== undefined && n >= 1 && n <= 12) return monthOf(makeDate(month[1] ? Number(month[1]) : y, n, 1));
  }
  if (/今年|本年|本年度/.test(text)) return { from: makeDate(y, 1, 1), to: makeDate(y, 12, 31), label: `${y}年` };
  if (/去年|上年/.test(text)) return { from: makeDate(y - 1, 1, 1), to: makeDate(y - 1, 12, 31), label: `${y - 1}年` };
  return undefined;
}

/** ISO week key of the week containing `date`: `2026-W50`. */
export function weekKey(date: LocalDate): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = addDays(startOfWeek(date), 3);
  const [y] = splitDate(thursday);
  const jan4 = `${y}-01-04`;
  const week1 = startOfWeek(jan4);
  const n = Math.round((Date.parse(startOfWeek(date)) - Date.parse(week1)) / (7 * 86_400_000)) + 1;
  return `${y}-W${String(n).padStart(2, '0')}`;
}

/** The week before the one containing `date`. */
export function previousWeek(date: LocalDate): Period {
  return weekOf(addDays(startOfWeek(date), -7), '上周');
}

export function previousMonth(date: LocalDate): Period {
  return monthOf(addMonths(`${date.slice(0, 7)}-01`, -1));
}

export function previousQuarter(date: LocalDate): Period {
  const [y, m] = splitDate(date);
  const q = Math.ceil(m / 3);
  return q === 1 ? quarterOf(y - 1, 4) : quarterOf(y, q - 1);
}

export function quarterKey(p: Period): string {
  const [y, m] = splitDate(p.from);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** True on the first working day of the ISO week that contains `date`. */
export function isFirstWorkingDayOfWeek(date: LocalDate, isWorkingDay: (d: LocalDate) => boolean): boolean {
  if (!isWorkingDay(date)) return false;
  for (let d = startOfWeek(date); d < date; d = addDays(d, 1)) if (isWorkingDay(d)) return false;
  return true;
}

const CN_COUNT = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The weeks a 周通报 posted on `date` covers: the week of the last working day before `date`,
 * and any following weeks without a working day (春节 2026: 2月16日—2月22日), folded in and
 * named, up to the day before `date`'s week. Every week with a working day is reported
 * exactly once, on the first working day after it.
 */
export function reportedWeek(date: LocalDate, calendar: Pick<WorkCalendar, 'subtractWorkingDays'>): Period {
  const last = calendar.subtractWorkingDays(date, 1);
  // Run on a day that is not the first working day of its week (an operator's run): the week before.
  const from = startOfWeek(last) < startOfWeek(date) ? startOfWeek(last) : addDays(startOfWeek(date), -7);
  const to = addDays(startOfWeek(date), -1);
  const weeks = Math.round((Date.parse(to) - Date.parse(from)) / (7 * 86_400_000) + 1 / 7);
  if (weeks <= 1) return { from, to, label: '上周' };
  const emptyFrom = addDays(from, 7);
  const empty = `${formatDateShortCn(emptyFrom)}—${formatDateShortCn(to, emptyFrom)}无工作日`;
  return { from, to, label: `${CN_COUNT[weeks] ?? weeks}周合并，${empty}` };
}
