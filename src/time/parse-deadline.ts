import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LocalDate } from './shanghai.js';
import { addDays, addMonths, dayOfWeek, daysBetween, endOfMonth, isValidDate, makeDate, splitDate } from './shanghai.js';
import { parseChineseNumber } from './chinese-number.js';
import { REFUSALS } from '../texts/refusals.js';

/** A deadline the user wrote, resolved to a Shanghai calendar date. */
export interface ParsedDeadline {
  date: LocalDate;
  /** How the user wrote it, for the reply (e.g. `5个工作日`). */
  expression: string;
  /** A time of day written with the date (下午5点, 下班前): deadlines are kept by the day, so it is not kept. */
  timeOfDay?: string;
}

export type DeadlineParse = { kind: 'none' } | { kind: 'ok'; deadline: ParsedDeadline } | { kind: 'invalid'; reason: string };

const NUM = '(\\d{1,4}|[零〇一二两三四五六七八九十百]{1,4})';
const MONTH_DAY = new RegExp(`^${NUM}月${NUM}[日号]?$`);
const THIS_OR_NEXT_MONTH_DAY = new RegExp(`^(本月|下月|下个月)${NUM}[日号]$`);
const WORKING_DAYS = new RegExp(`^${NUM}个?工作日$`);
const DAY_OF_MONTH = new RegExp(`^${NUM}[日号]$`);
const SPAN = new RegExp(`^${NUM}个?(天|日|自然日|周|星期|礼拜|月)$`);
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0, 七: 0 };

/** Strip the words people put around a deadline: 截止、时限、之前、内完成 … */
function normalize(text: string): string {
  let s = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(/^(截止日期|截止时间|截止|截至|时限|期限|限期|限于|限|于|在)[:：]?/, '');
  s = s.replace(/(之前|以前|前|以内|之内|内)?(完成|办结|报送|反馈|落实)?$/, '');
  s = s.replace(/(之前|以前|前|以内|之内|内)$/, '');
  return s.trim();
}

/** A time of day after the day (下午5点, 17:00, 下班, 上午十点半): the deadline is the day. */
const TIME_OF_DAY = new RegExp(
  `\\s*(?:(?:上午|中午|下午|晚上|傍晚|早上|午前|午后)?\\s*(?:\\d{1,2}|[零一二两三四五六七八九十]{1,3})\\s*(?:[:：]\\s*\\d{2}|[点时](?:半|整|\\d{1,2}分?|[一二三四五]?十?[一二三四五六七八九]?分)?)|上午|中午|下午|晚上|傍晚|下班时?|下班之?|午前|午后|上班时?)$`,
);

function splitTimeOfDay(s: string): { day: string; time?: string } {
  const m = TIME_OF_DAY.exec(s);
  if (!m || m.index === 0 || m[0].trim().length === 0) return { day: s };
  return { day: s.slice(0, m.index).trim(), time: m[0].trim() };
}

/**
 * Reads a deadline expression: a date (`12月15日`, `2026-12-15`, `2026年12月15日`), a span
 * (`5个工作日`, `10天`, `3个月`, `2周`), a named day (`本周五`, `下周三`, `月底`, `年底`,
 * `明天`). Returns `none` when the text is not a deadline at all, and `invalid` with a
 * Chinese reason when it looks like one but cannot be right (2月30日, a past date).
 */
export function parseDeadline(text: string, today: LocalDate, calendar: WorkCalendar): DeadlineParse {
  const { day: s, time } = splitTimeOfDay(normalize(text));
  if (s.length === 0 || s.length > 24) return { kind: 'none' };
  const [ty, tm] = splitDate(today);
  const ok = (date: LocalDate): DeadlineParse => {
    if (date < today) return { kind: 'invalid', reason: `截止日期 ${date} 已过，请写今天或以后的日期` };
    return { kind: 'ok', deadline: { date, expression: s, ...(time ? { timeOfDay: time } : {}) } };
  };
  const explicit = (y: number, m: number, d: number, raw: string): DeadlineParse => {
    if (!isValidDate(y, m, d)) return { kind: 'invalid', reason: REFUSALS.invalidDate(raw) };
    return ok(makeDate(y, m, d));
  };

  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/.exec(s);
  if (m) return explicit(Number(m[1]), Number(m[2]), Number(m[3]), s);

  // 今年12月30日 / 明年1月15日: a month-day with its year named.
  const named = /^(今年|明年)\s*(.+)$/.exec(s);
  m = named ? MONTH_DAY.exec(named[2] ?? '') : null;
  if (named && m) {
    const month = parseChineseNumber(m[1] ?? '');
    const day = parseChineseNumber(m[2] ?? '');
    if (month === undefined || day === undefined) return { kind: 'none' };
    return explicit(named[1] === '明年' ? ty + 1 : ty, month, day, s);
  }

  m = MONTH_DAY.exec(s);
  if (m) {
    const month = parseChineseNumber(m[1] ?? '');
    const day = parseChineseNumber(m[2] ?? '');
    if (month === undefined || day === undefined) return { kind: 'none' };
    if (!isValidDate(2000, month, day) || (month === 2 && day === 29 && !isValidDate(ty, 2, 29) && !isValidDate(ty + 1, 2, 29))) {
      return { kind: 'invalid', reason: REFUSALS.invalidDate(s) };
    }
    // A month-day without a year means the next such day, unless that is most of a year
    // away: then the writer almost certainly meant a day that has just passed.
    const thisYear = isValidDate(ty, month, day) ? makeDate(ty, month, day) : undefined;
    if (thisYear !== undefined && thisYear >= today) return ok(thisYear);
    const nextYear = isValidDate(ty + 1, month, day) ? makeDate(ty + 1, month, day) : undefined;
    if (nextYear !== undefined && daysBetween(today, nextYear) <= 183) return ok(nextYear);
    return { kind: 'invalid', reason: `截止日期 ${thisYear ?? s} 已过，请写今天或以后的日期` };
  }

  m = THIS_OR_NEXT_MONTH_DAY.exec(s);
  if (m) {
    const day = parseChineseNumber(m[2] ?? '');
    if (day === undefined) return { kind: 'none' };
    const base = m[1] === '本月' ? today : addMonths(`${today.slice(0, 7)}-01`, 1);
    const [by, bm] = splitDate(base);
    return explicit(by, bm, day, s);
  }

  m = WORKING_DAYS.exec(s);
  if (m) {
    const n = parseChineseNumber(m[1] ?? '');
    if (n === undefined || n < 1 || n > 500) return { kind: 'invalid', reason: `「${s}」的工作日数须在 1 到 500 之间` };
    return ok(calendar.addWorkingDays(today, n));
  }

  m = DAY_OF_MONTH.exec(s);
  if (m && !/内/.test(text)) {
    // 15日前 means "before the 15th" (this month, or next month once it has passed).
    const day = parseChineseNumber(m[1] ?? '');
    if (day === undefined || day < 1 || day > 31) return { kind: 'invalid', reason: REFUSALS.invalidDate(s) };
    const nextMonth = addMonths(`${today.slice(0, 7)}-01`, 1);
    const [ny, nm] = splitDate(nextMonth);
    if (isValidDate(ty, tm, day) && makeDate(ty, tm, day) >= today) return ok(makeDate(ty, tm, day));
    return explicit(ny, nm, day, s);
  }

  m = SPAN.exec(s);
  if (m) {
    const n = parseChineseNumber(m[1] ?? '');
    if (n === undefined || n < 1 || n > 1000) return { kind: 'invalid', reason: `「${s}」的数量须大于 0` };
    const unit = m[2];
    // A span whose last day is a rest day ends on the next working day.
    if (unit === '月') return ok(calendar.onOrAfter(addMonths(today, n)));
    if (unit === '周' || unit === '星期' || unit === '礼拜') return ok(calendar.onOrAfter(addDays(today, 7 * n)));
    return ok(calendar.onOrAfter(addDays(today, n)));
  }

  if (/^(今天|今日|当天|当日)$/.test(s)) return ok(today);
  if (/^(明天|明日)$/.test(s)) return ok(addDays(today, 1));
  if (/^(后天)$/.test(s)) return ok(addDays(today, 2));
  // A day already past is a deadline written wrong, never words of the title.
  if (/^(昨天|昨日|前天|上周[一二三四五六日天]?|上个?月底?|去年底?)$/.test(s)) return { kind: 'invalid', reason: `「${s}」已过，请写今天或以后的日期` };
  // 尽快, 抓紧: urgency without a date; never a default deadline months away, nor part of the title.
  if (/^(尽快|尽早|尽快办理|尽快落实|尽快办结|抓紧|抓紧办理|马上|马上办|立即|立即办理|立刻|即刻|及时|限期|近期|择期|适时)$/.test(s)) {
    return { kind: 'invalid', reason: `「${s}」不是具体时限，请写明日期或期限（如 12月15日、5个工作日、本周五）；急办事项可再加「紧急」` };
  }

  m = /^(本|这|下下|下)?个?(周|星期|礼拜)([一二三四五六日天七])$/.exec(s);
  if (m) {
    const target = WEEKDAY[m[3] ?? ''] ?? 1;
    const shift = m[1] === '下' ? 7 : m[1] === '下下' ? 14 : 0;
    // Weeks run Monday–Sunday; Sunday is day 7 of the week.
    const todayIndex = ((dayOfWeek(today) + 6) % 7) + 1;
    const targetIndex = target === 0 ? 7 : target;
    let date = addDays(today, targetIndex - todayIndex + shift);
    if (m[1] === undefined && date < today) date = addDays(date, 7); // bare 周五 means the next one
    return ok(date);
  }

  // 1月底: the last working day of the next such month (this one when it is this month).
  m = new RegExp(`^${NUM}月(底|末)$`).exec(s);
  if (m) {
    const month = parseChineseNumber(m[1] ?? '');
    if (month === undefined || month < 1 || month > 12) return { kind: 'invalid', reason: REFUSALS.invalidDate(s) };
    return ok(calendar.lastWorkingDayOfMonth(makeDate(month >= tm ? ty : ty + 1, month, 1)));
  }
  if (/^(本?月底|本?月末)$/.test(s)) return ok(calendar.lastWorkingDayOfMonth(today));
  if (/^(下个?月底|下个?月末)$/.test(s)) return ok(calendar.lastWorkingDayOfMonth(addMonths(`${today.slice(0, 7)}-01`, 1)));
  if (/^(本?年底|本?年末|今年底|今年年底)$/.test(s)) return ok(calendar.onOrBefore(makeDate(ty, 12, 31)));
  if (/^(季度末|本季度末|季末)$/.test(s)) {
    const quarterEndMonth = Math.ceil(tm / 3) * 3;
    return ok(calendar.onOrBefore(endOfMonth(makeDate(ty, quarterEndMonth, 1))));
  }

  return { kind: 'none' };
}
