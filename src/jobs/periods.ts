import type { LocalDate } from '../time/shanghai.js';
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
