import type { LocalDate } from '../time/shanghai.js';
import { addDays, dayOfWeek, endOfMonth, splitDate } from '../time/shanghai.js';
import type { HolidayData } from './holiday-data.js';

/**
 * The one working-day calendar: national public holidays and make-up working days (调休).
 * Years without official data fall back to Monday–Friday and are reported as unknown, so
 * callers can say that a date was computed without the year's arrangement.
 */
export class WorkCalendar {
  constructor(private readonly data: HolidayData) {}

  isKnownYear(year: number): boolean {
    return this.data.years.has(year);
  }

  knownYears(): number[] {
    return [...this.data.years].sort((a, b) => a - b);
  }

  /** True when the date's year has no official arrangement loaded. */
  isUncertain(date: LocalDate): boolean {
    return !this.isKnownYear(splitDate(date)[0]);
  }

  isWorkingDay(date: LocalDate): boolean {
    if (this.data.workdays.has(date)) return true;
    if (this.data.holidays.has(date)) return false;
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  }

  /** Name of the holiday or 调休 reason for a date, if any. */
  dayNote(date: LocalDate): string | undefined {
    return this.data.holidays.get(date) ?? this.data.workdays.get(date);
  }

  /** The n-th working day after `date` (n ≥ 1); `date` itself is not counted. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (n <= 0) return date;
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** The n-th working day before `date` (n ≥ 1). */
  subtractWorkingDays(date: LocalDate, n: number): LocalDate {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, -1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** Working days in the half-open range (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to === from) return 0;
    const forward = to > from;
    const [start, end] = forward ? [from, to] : [to, from];
    let count = 0;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count += 1;
    }
    return forward ? count : -count;
  }

  /** `date` itself when it is a working day, otherwise the next one. */
  onOrAfter(date: LocalDate): LocalDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** `date` itself when it is a working day, otherwise the previous one. */
  onOrBefore(date: LocalDate): LocalDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }

  lastWorkingDayOfMonth(date: LocalDate): LocalDate {
    return this.onOrBefore(endOfMonth(date));
  }

  /** First working day on or after the 1st of the month that contains `date`. */
  firstWorkingDayOfMonth(date: LocalDate): LocalDate {
    return this.onOrAfter(`${date.slice(0, 7)}-01`);
  }
}
