import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LocalDate } from '../time/shanghai.js';
import { formatDateShortCn } from '../time/shanghai.js';
import { addDays, addMonths, splitDate, startOfWeek } from '../time/shanghai.js';
import { monthOf, quarterOf, weekOf, type Period } from '../query/period.js';

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
