import type { LocalDate } from '../time/shanghai.js';
import { addDays, addMonths, endOfMonth, isValidDate, makeDate, splitDate, startOfMonth, startOfWeek } from '../time/shanghai.js';
import { parseChineseNumber } from '../time/chinese-number.js';
import { monthOf, quarterOf, weekOf } from '../calendar/periods.js';

/**
 * A time named in a question. `period`: a closed range (本周, 12月); `before`: up to a date
 * (截止12月15日前); `within`: from today for N days (3天内); `recent`: the last N days.
 */
export interface TimeSlot {
  kind: 'period' | 'before' | 'within' | 'recent';
  from?: LocalDate;
  to: LocalDate;
  label: string;
}

interface TimeRule {
  re: RegExp;
  read(m: RegExpExecArray, today: LocalDate): TimeSlot | undefined;
}

const NUM = '(\\d{1,3}|[一二两三四五六七八九十百]{1,4})';
const num = (s: string | undefined) => (s === undefined ? undefined : s === '两' ? 2 : parseChineseNumber(s.replace('两', '二')));
/**
 * The year of a month named without one: the nearest occurrence of that month (12月 asked in
 * January is last December, 1月 asked in December next January); six months either way stays in this year.
 */
export function nearestYear(month: number, today: LocalDate): number {
  const [y, m] = splitDate(today);
  if (month - m > 6) return y - 1;
  if (m - month > 6) return y + 1;
  return y;
}

const day = (d: LocalDate, label: string): TimeSlot => ({ kind: 'period', from: d, to: d, label });
const span = (p: { from: LocalDate; to: LocalDate; label: string }): TimeSlot => ({ kind: 'period', ...p });

function dateOf(today: LocalDate, y: string | undefined, m: string | undefined, d: string | undefined): LocalDate | undefined {
  const month = num(m);
  const year = y ? Number(y) : nearestYear(month ?? 1, today);
  const dd = num(d);
  if (month === undefined || dd === undefined || !isValidDate(year, month, dd)) return undefined;
  return makeDate(year, month, dd);
}

const RULES: TimeRule[] = [
  // 截止12月15日前 / 12月15日之前 / 截至12月15日 / 12月15日以前
  {
    re: new RegExp(`(?:截止到?|截至|到)?(?:(\\d{4})年)?${NUM}月${NUM}[日号]?(之前|以前|前)?(以来|以后|之后|起|至今)?`, 'y'),
    read(m, today) {
      const d = dateOf(today, m[1], m[2], m[3]);
      if (!d) return undefined;
      const [, mm, dd] = splitDate(d);
      if (m[5] !== undefined && m[4] === undefined) return d <= today ? { kind: 'recent', from: d, to: today, label: `${mm}月${dd}日以来` } : undefined;
      const cut = m[0].startsWith('截') || m[0].startsWith('到') || m[4] !== undefined;
      return cut ? { kind: 'before', to: d, label: `${mm}月${dd}日前` } : day(d, `${mm}月${dd}日`);
    },
  },
  { re: /今明两天|今明天/y, read: (_, t) => ({ kind: 'period', from: t, to: addDays(t, 1), label: '今明两天' }) },
  {
    // 本周五, 下周一, 周五前: a weekday of this (or the next / last) week.
    re: /(本|这|下|上)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])(之前|以前|前)?/y,
    read(m, t) {
      const n = '一二三四五六日天'.indexOf(m[2] ?? '') + 1 || Number(m[2]);
      const week = m[1] === '下' ? 7 : m[1] === '上' ? -7 : 0;
      const d = addDays(startOfWeek(t), week + Math.min(n, 7) - 1);
      const label = `${m[1] === '下' ? '下' : m[1] === '上' ? '上' : '本'}周${m[2] === '天' ? '日' : m[2]}`;
      return m[3] ? { kind: 'before', to: d, label: `${label}前` } : day(d, label);
    },
  },
  { re: /今天|今日/y, read: (_, t) => day(t, '今天') },
  { re: /明天|明日/y, read: (_, t) => day(addDays(t, 1), '明天') },
  { re: /后天/y, read: (_, t) => day(addDays(t, 2), '后天') },
  { re: /昨天|昨日/y, read: (_, t) => day(addDays(t, -1), '昨天') },
  { re: /上上周/y, read: (_, t) => span(weekOf(addDays(t, -14), '上上周')) },
  { re: /上周|上个?星期|上个?礼拜/y, read: (_, t) => span(weekOf(addDays(t, -7), '上周')) },
  { re: /下周|下个?星期|下个?礼拜/y, read: (_, t) => span(weekOf(addDays(t, 7), '下周')) },
  { re: /本周|这周|这一?个?星期|本星期|本礼拜|这礼拜/y, read: (_, t) => span(weekOf(t, '本周')) },
  { re: /上个?月/y, read: (_, t) => span(monthOf(addMonths(startOfMonth(t), -1), '上月')) },
  { re: /下个?月/y, read: (_, t) => span(monthOf(addMonths(startOfMonth(t), 1), '下月')) },
  { re: /本月|这个?月|当月/y, read: (_, t) => span(monthOf(t, '本月')) },
  {
    re: /本季度|这个?季度|本季/y,
    read: (_, t) => {
      const [y, m] = splitDate(t);
      return span(quarterOf(y, Math.ceil(m / 3)));
    },
  },
  {
    re: /上个?季度/y,
    read: (_, t) => {
      const [y, m] = splitDate(t);
      const q = Math.ceil(m / 3);
      return span(q === 1 ? quarterOf(y - 1, 4) : quarterOf(y, q - 1));
    },
  },
  {
    re: /(?:(\d{4})年)?第?([一二三四1-4])季度/y,
    read: (m, t) => {
      const [y] = splitDate(t);
      return span(quarterOf(m[1] ? Number(m[1]) : y, num(m[2]) ?? 1));
    },
  },
  {
    re: new RegExp(`(?:(\\d{4})年)?${NUM}月份?`, 'y'),
    read(m, t) {
      const n = num(m[2]);
      if (n === undefined || n < 1 || n > 12) return undefined;
      return span(monthOf(makeDate(m[1] ? Number(m[1]) : nearestYear(n, t), n, 1)));
    },
  },
  {
    re: /今年|本年度?|今年度/y,
    read: (_, t) => {
      const [y] = splitDate(t);
      return { kind: 'period', from: makeDate(y, 1, 1), to: makeDate(y, 12, 31), label: `${y}年` };
    },
  },
  {
    re: /去年|上一?年度?/y,
    read: (_, t) => {
      const [y] = splitDate(t);
      return { kind: 'period', from: makeDate(y - 1, 1, 1), to: makeDate(y - 1, 12, 31), label: `${y - 1}年` };
    },
  },
  {
    re: new RegExp(`(?:最近|近|过去|前)${NUM}(?:个)?(天|日|周|星期|个?月)`, 'y'),
    read(m, t) {
      const n = num(m[1]);
      if (n === undefined || n < 1 || n > 366) return undefined;
      const unit = m[2] ?? '天';
      const from = unit.includes('月') ? addDays(addMonths(t, -n), 1) : addDays(t, -(unit === '天' || unit === '日' ? n : n * 7) + 1);
      return { kind: 'recent', from, to: t, label: `最近${n}${unit}` };
    },
  },
  { re: /最近一周|近一周/y, read: (_, t) => ({ kind: 'recent', from: addDays(t, -6), to: t, label: '最近7天' }) },
  {
    // 12月底前, 1月底前: the end of that month, in the nearest year when none is written.
    re: new RegExp(`(?:截止到?|截至|到)?(?:(\\d{4})年)?${NUM}月(?:底|末)(?:之前|以前|前)?`, 'y'),
    read(m, t) {
      const n = num(m[2]);
      const [y] = splitDate(t);
      if (n === undefined || n < 1 || n > 12) return undefined;
      const year = m[1] ? Number(m[1]) : nearestYear(n, t);
      return { kind: 'before', to: endOfMonth(makeDate(year, n, 1)), label: `${year === y ? '' : `${year}年`}${n}月底前` };
    },
  },
  { re: /(?:截止到?|截至|到)?本?月(?:底|末)(?:之前|以前|前)?/y, read: (_, t) => ({ kind: 'before', to: endOfMonth(t), label: '月底前' }) },
  { re: /(?:截止到?|截至|到)?今?年(?:底|末)(?:之前|以前|前)?/y, read: (_, t) => ({ kind: 'before', to: `${t.slice(0, 4)}-12-31`, label: '年底前' }) },
  {
    re: new RegExp(`${NUM}(?:个)?(?:天|日)(?:以内|之内|内)`, 'y'),
    read(m, t) {
      const n = num(m[1]);
      if (n === undefined || n < 1 || n > 366) return undefined;
      return { kind: 'within', from: t, to: addDays(t, n), label: `${n}天内` };
    },
  },
];

/** Reads a time word starting exactly at `pos`; the longest reading wins. */
export function matchTime(text: string, pos: number, today: LocalDate): { length: number; slot: TimeSlot } | undefined {
  let best: { length: number; slot: TimeSlot } | undefined;
  for (const rule of RULES) {
    rule.re.lastIndex = pos;
    const m = rule.re.exec(text);
    if (!m || m[0].length === 0) continue;
    if (best && m[0].length <= best.length) continue;
    const slot = rule.read(m, today);
    if (slot) best = { length: m[0].length, slot };
  }
  return best;
}
