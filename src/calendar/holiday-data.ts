import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { LocalDate } from '../time/shanghai.js';
import { isValidDate, splitDate } from '../time/shanghai.js';
import { issueMessage } from '../config/zod-message.js';
import { PROVISIONAL_MARK, statutoryHolidays } from './statutory-holidays.js';

/** Holidays (days off) and make-up working days (调休) for the years we have official data for. */
export interface HolidayData {
  /** date → name of the holiday, for days off that fall on weekdays or weekends. */
  holidays: Map<LocalDate, string>;
  /** date → reason, for weekend days that are working days (调休上班). */
  workdays: Map<LocalDate, string>;
  /** Years for which the official arrangement is known. */
  years: Set<number>;
  /** Years without an arrangement whose statutory days off are filled in provisionally. */
  provisional?: Set<number>;
}

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The national arrangement bundled with the `chinese-days` package (State Council notices). */
export function loadPackagedHolidays(): HolidayData {
  const require = createRequire(import.meta.url);
  const raw = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const data: HolidayData = { holidays: new Map(), workdays: new Map(), years: new Set() };
  for (const [date, label] of Object.entries(raw.holidays)) {
    data.holidays.set(date, chineseName(label));
    data.years.add(Number(date.slice(0, 4)));
  }
  for (const [date, label] of Object.entries(raw.workdays)) {
    data.workdays.set(date, `${chineseName(label)}调休上班`);
    data.years.add(Number(date.slice(0, 4)));
  }
  return data;
}

/** "National Day,国庆节,3" → "国庆节". */
function chineseName(label: string): string {
  return label.split(',')[1] ?? label;
}

const dateKey = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}, '日期须写成 YYYY-MM-DD 且为真实日期');

const yearSchema = z.object({
  holidays: z.record(dateKey, z.string().min(1)).default({}),
  workdays: z.record(dateKey, z.string().min(1)).default({}),
});

/**
 * Override file (YAML or JSON) for years the package does not know yet, or for corrections:
 * ```yaml
 * 2027:
 *   holidays: { 2027-01-01: 元旦 }
 *   workdays: { 2027-02-07: 春节调休上班 }
 * ```
 * A year present in the file replaces the packaged data for that year entirely.
 */
export const overrideFileSchema = z.record(z.string().regex(/^\d{4}$/, '年份须为四位数字'), yearSchema);

export class CalendarFileError extends Error {}

export function readOverrideFile(path: string): z.infer<typeof overrideFileSchema> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CalendarFileError(`节假日文件 ${path} 无法读取：${(e as Error).message}。请检查 DUBAN_CALENDAR 路径。`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new CalendarFileError(`节假日文件 ${path} 不是有效的 YAML/JSON：${(e as Error).message}`);
  }
  const parsed = overrideFileSchema.safeParse(doc ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new CalendarFileError(`节假日文件 ${path} 有误：${where}：${issueMessage(issue)}`);
  }
  for (const [year, entry] of Object.entries(parsed.data)) {
    for (const date of [...Object.keys(entry.holidays), ...Object.keys(entry.workdays)]) {
      if (splitDate(date)[0] !== Number(year)) {
        throw new CalendarFileError(`节假日文件 ${path} 有误：${year} 年下出现了 ${date}，日期须属于该年。`);
      }
    }
  }
  return parsed.data;
}

/** Packaged data with the override file's years laid over it. */
export function mergeOverrides(base: HolidayData, overrides: z.infer<typeof overrideFileSchema>): HolidayData {
  const data: HolidayData = {
    holidays: new Map(base.holidays),
    workdays: new Map(base.workdays),
    years: new Set(base.years),
    provisional: new Set(base.provisional),
  };
  for (const [yearText, entry] of Object.entries(overrides)) {
    const year = Number(yearText);
    for (const map of [data.holidays, data.workdays]) {
      for (const date of [...map.keys()]) if (date.startsWith(`${yearText}-`)) map.delete(date);
    }
    for (const [date, name] of Object.entries(entry.holidays)) data.holidays.set(date, name);
    for (const [date, name] of Object.entries(entry.workdays)) data.workdays.set(date, name);
    data.years.add(year);
    data.provisional?.delete(year);
  }
  return data;
}

/**
 * Fills each year after the last known one, up to `lastYear`, with the statutory days off
 * (《全国年节及纪念日放假办法》), marked provisional; the year stays unknown until loaded.
 */
export function withProvisionalYears(base: HolidayData, lastYear: number): HolidayData {
  const data: HolidayData = { ...base, holidays: new Map(base.holidays), provisional: new Set(base.provisional) };
  const firstMissing = Math.max(...data.years) + 1;
  for (let year = firstMissing; year <= lastYear; year++) {
    if (data.years.has(year)) continue;
    for (const [date, name] of statutoryHolidays(year)) data.holidays.set(date, `${name}（${PROVISIONAL_MARK}）`);
    data.provisional?.add(year);
  }
  return data;
}
