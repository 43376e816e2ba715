import chineseDays from 'chinese-days';
import type { LocalDate } from '../time/shanghai.js';
import { addDays, dayOfWeek, makeDate } from '../time/shanghai.js';

/** How a provisional day is marked wherever it is shown. */
export const PROVISIONAL_MARK = '暂按法定节假日计算';

/**
 * The days off that 《全国年节及纪念日放假办法》 (as revised in 2024) fixes for every year,
 * for a year whose State Council arrangement is not loaded yet: 元旦 1 day, 春节 4 days from
 * 除夕, 清明 1 (the solar term), 劳动节 2, 端午 1, 中秋 1, 国庆 3. A day that falls on a
 * Saturday or Sunday is made up on the next weekday (第六条: 适逢星期六、星期日，应当在工作日
 * 补假). 调休 (weekend working days) is only known from the arrangement, so none is invented.
 */
export function statutoryHolidays(year: number): Map<LocalDate, string> {
  const days = new Map<LocalDate, string>();
  const put = (date: LocalDate, name: string, n = 1) => {
    for (let i = 0; i < n; i++) days.set(addDays(date, i), name);
  };
  const lunar = (month: number, day: number): LocalDate => chineseDays.getSolarDateFromLunar(makeDate(year, month, day)).date;

  put(makeDate(year, 1, 1), '元旦');
  // 除夕 is the day before 正月初一, whether the twelfth month has 29 or 30 days.
  put(addDays(lunar(1, 1), -1), '春节', 4);
  const qingming = chineseDays.getSolarTerms(makeDate(year, 4, 1), makeDate(year, 4, 10)).find((t) => t.name === '清明');
  if (qingming) put(qingming.date, '清明节');
  put(makeDate(year, 5, 1), '劳动节', 2);
  put(lunar(5, 5), '端午节');
  put(lunar(8, 15), '中秋节');
  put(makeDate(year, 10, 1), '国庆节', 3);

  const weekend = (d: LocalDate) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
  const madeUp = new Map<LocalDate, string>();
  for (const [date, name] of [...days.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!weekend(date)) continue;
    let d = addDays(date, 1);
    while (weekend(d) || days.has(d) || madeUp.has(d)) d = addDays(d, 1);
    madeUp.set(d, `${name}补假`);
  }
  for (const [date, name] of madeUp) days.set(date, name);
  return days;
}
