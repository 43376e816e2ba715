import type { LocalDate } from '../time/shanghai.js';
import { dayOfWeek, endOfMonth, makeDate, splitDate } from '../time/shanghai.js';
import type { HolidayData } from './holiday-data.js';

const DAY_MS = 86_400_000;
/** The calendar is tabulated for these years; dates outside fall back to a day-by-day walk. */
const FIRST_YEAR = 2000;
export const LAST_YEAR = 2060;
const ORIGIN = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;

/** Day number since 2000-01-01 of a `YYYY-MM-DD` date. */
function dayNumber(date: LocalDate): number {
  const [y, m, d] = splitDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS - ORIGIN;
}

function fromDayNumber(n: number): LocalDate {
  const t = new Date((n + ORIGIN) * DAY_MS);
  return makeDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The one working-day calendar: national public holidays and make-up working days (调休).
 * Years without official data use the statutory days off, provisionally (see
 * `statutoryHolidays`), or Monday–Friday when none were filled in; either way they are
 * reported as unknown, so callers can say a date was computed without the year's arrangement.
 *
 * Working days are tabulated once as a prefix count over day numbers, so counting or adding
 * working days over any span is a lookup rather than a walk.
 */
export class WorkCalendar {
  private readonly working: Uint8Array;
  /** prefix[i]: working days among day numbers [0, i). */
  private readonly prefix: Uint32Array;
  private readonly size: number;

  constructor(private readonly data: HolidayData) {
    this.size = Date.UTC(LAST_YEAR + 1, 0, 1) / DAY_MS - ORIGIN;
    this.working = new Uint8Array(this.size);
    this.prefix = new Uint32Array(this.size + 1);
    // As computeWorkingDay decides, without a date string per day (this runs at every start):
    // Monday–Friday, then the holidays off, then the make-up working days, which win.
    const firstDow = new Date(ORIGIN * DAY_MS).getUTCDay();
    for (let i = 0; i < this.size; i++) {
      const dow = (firstDow + i) % 7;
      this.working[i] = dow !== 0 && dow !== 6 ? 1 : 0;
    }
    for (const date of data.holidays.keys()) this.mark(date, 0);
    for (const date of data.workdays.keys()) this.mark(date, 1);
    for (let i = 0; i < this.size; i++) this.prefix[i + 1] = (this.prefix[i] ?? 0) + (this.working[i] ?? 0);
  }

  private mark(date: LocalDate, working: 0 | 1): void {
    const n = dayNumber(date);
    if (this.inTable(n)) this.working[n] = working;
  }

  private computeWorkingDay(date: LocalDate): boolean {
    if (this.data.workdays.has(date)) return true;
    if (this.data.holidays.has(date)) return false;
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  }

  private inTable(n: number): boolean {
    return n >= 0 && n < this.size;
  }

  isKnownYear(year: number): boolean {
    return this.data.years.has(year);
  }

  knownYears(): number[] {
    return [...this.data.years].sort((a, b) => a - b);
  }

  /** True when the year's statutory days off stand in for a missing arrangement (暂按法定节假日计算). */
  isProvisional(year: number): boolean {
    return this.data.provisional?.has(year) ?? false;
  }

  /** True when the date's year has no official arrangement loaded. */
  isUncertain(date: LocalDate): boolean {
    return !this.isKnownYear(splitDate(date)[0]);
  }

  isWorkingDay(date: LocalDate): boolean {
    const n = dayNumber(date);
    return this.inTable(n) ? this.working[n] === 1 : this.computeWorkingDay(date);
  }

  /** Name of the holiday or 调休 reason for a date, if any. */
  dayNote(date: LocalDate): string | undefined {
    return this.data.holidays.get(date) ?? this.data.workdays.get(date);
  }

  /** The n-th working day after `date` (n ≥ 1); `date` itself is not counted. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (n <= 0) return date;
    let d = dayNumber(date);
    let left = n;
    while (left > 0) {
      d += 1;
      if (this.inTable(d) ? this.working[d] === 1 : this.computeWorkingDay(fromDayNumber(d))) left -= 1;
    }
    return fromDayNumber(d);
  }

  /** The n-th working day before `date` (n ≥ 1). */
  subtractWorkingDays(date: LocalDate, n: number): LocalDate {
    let d = dayNumber(date);
    let left = n;
    while (left > 0) {
      d -= 1;
      if (this.inTable(d) ? this.working[d] === 1 : this.computeWorkingDay(fromDayNumber(d))) left -= 1;
    }
    return fromDayNumber(d);
  }

  /** Working days in the half-open range (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to === from) return 0;
    const a = dayNumber(from);
    const b = dayNumber(to);
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let count: number;
    if (this.inTable(lo) && this.inTable(hi)) count = (this.prefix[hi + 1] ?? 0) - (this.prefix[lo + 1] ?? 0);
    else {
      count = 0;
      for (let d = lo + 1; d <= hi; d++) if (this.computeWorkingDay(fromDayNumber(d))) count += 1;
    }
    return a < b ? count : -count;
  }

  /** `date` itself when it is a working day, otherwise the next one. */
  onOrAfter(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
  }

  /** `date` itself when it is a working day, otherwise the previous one. */
  onOrBefore(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.subtractWorkingDays(date, 1);
  }

  lastWorkingDayOfMonth(date: LocalDate): LocalDate {
    return this.onOrBefore(endOfMonth(date));
  }

  /** First working day on or after the 1st of the month that contains `date`. */
  firstWorkingDayOfMonth(date: LocalDate): LocalDate {
    return this.onOrAfter(`${date.slice(0, 7)}-01`);
  }
}
