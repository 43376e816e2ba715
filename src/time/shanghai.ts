/**
 * Asia/Shanghai wall-clock helpers. China has observed a fixed UTC+8 offset with no
 * daylight saving since 1991, so converting with a constant offset is exact for every
 * date this bot handles and avoids a time-zone database lookup on hot paths.
 */

/** A calendar date in Asia/Shanghai, formatted `YYYY-MM-DD`. */
export type LocalDate = string;

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Shifted Date whose UTC fields read as Shanghai wall-clock fields. */
function shifted(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

export function localDate(instant: Date): LocalDate {
  const s = shifted(instant);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
}

/** `HH:mm` in Shanghai. */
export function localTime(instant: Date): string {
  const s = shifted(instant);
  return `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

/** Minutes since local midnight. */
export function localMinutes(instant: Date): number {
  const s = shifted(instant);
  return s.getUTCHours() * 60 + s.getUTCMinutes();
}

/** ISO 8601 with the +08:00 offset, e.g. `2026-12-08T09:12:00.000+08:00`; sorts correctly as text. */
export function isoShanghai(instant: Date): string {
  const s = shifted(instant);
  return `${localDate(instant)}T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}.${pad(s.getUTCMilliseconds(), 3)}+08:00`;
}

/** The instant of a Shanghai wall-clock time (`HH:mm`, default midnight) on a local date. */
export function instantAt(date: LocalDate, time = '00:00'): Date {
  const [y, m, d] = splitDate(date);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh ?? 0, mm ?? 0) - OFFSET_MS);
}

export function splitDate(date: LocalDate): [number, number, number] {
  // Hot path (calendar arithmetic): read the fixed YYYY-MM-DD layout without splitting.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  }
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? NaN, m ?? NaN, d ?? NaN];
}

export function makeDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True when year/month/day name a real calendar day (rejects 2月30日). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: LocalDate, n: number): LocalDate {
  const [y, m, d] = splitDate(date);
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return makeDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ya, ma, da] = splitDate(a);
  const [yb, mb, db] = splitDate(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function weekdayName(date: LocalDate): string {
  return WEEKDAYS[dayOfWeek(date)] ?? '';
}

/** Monday of the ISO week that contains `date`. */
export function startOfWeek(date: LocalDate): LocalDate {
  const dow = dayOfWeek(date);
  return addDays(date, dow === 0 ? -6 : 1 - dow);
}

export function startOfMonth(date: LocalDate): LocalDate {
  const [y, m] = splitDate(date);
  return makeDate(y, m, 1);
}

export function endOfMonth(date: LocalDate): LocalDate {
  const [y, m] = splitDate(date);
  return makeDate(y, m, daysInMonth(y, m));
}

export function addMonths(date: LocalDate, n: number): LocalDate {
  const [y, m, d] = splitDate(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return makeDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `12月15日（周二）` style, with the year when it differs from `relativeTo`'s. */
export function formatDateCn(date: LocalDate, relativeTo?: LocalDate): string {
  const [y, m, d] = splitDate(date);
  const sameYear = relativeTo !== undefined && splitDate(relativeTo)[0] === y;
  return `${sameYear ? '' : `${y}年`}${m}月${d}日（${weekdayName(date)}）`;
}

/** `12月7日（周一）至12月10日（周四）`, or one day alone when the two are the same. */
export function formatSpanCn(from: LocalDate, to: LocalDate, relativeTo?: LocalDate): string {
  return from === to ? formatDateCn(from, relativeTo) : `${formatDateCn(from, relativeTo)}至${formatDateCn(to, relativeTo)}`;
}

/** `12月9日`, with the year when it differs from `relativeTo`'s; no weekday (for use inside parentheses). */
export function formatDateShortCn(date: LocalDate, relativeTo?: LocalDate): string {
  const [y, m, d] = splitDate(date);
  const sameYear = relativeTo === undefined || splitDate(relativeTo)[0] === y;
  return `${sameYear ? '' : `${y}年`}${m}月${d}日`;
}

/**
 * `12-08 09:12` from a stored timestamp. Timestamps are stored by `isoShanghai`, already in
 * Shanghai time, so the wall-clock fields are read straight from the text.
 */
export function shortFromIso(iso: string): string {
  if (iso.endsWith('+08:00') && iso.length >= 16) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return formatShortDateTime(new Date(iso));
}

/** `12-08 09:12` for compact history lines. */
export function formatShortDateTime(instant: Date): string {
  return `${localDate(instant).slice(5)} ${localTime(instant)}`;
}
