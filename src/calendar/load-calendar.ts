import { LAST_YEAR, WorkCalendar } from './work-calendar.js';
import { loadPackagedHolidays, mergeOverrides, readOverrideFile, withProvisionalYears } from './holiday-data.js';
import { PROVISIONAL_MARK } from './statutory-holidays.js';
import { localDate, splitDate } from '../time/shanghai.js';

/** The national calendar, with the override file's years laid over it when a path is given. */
export function loadCalendar(overridePath?: string): WorkCalendar {
  const base = loadPackagedHolidays();
  const merged = overridePath ? mergeOverrides(base, readOverrideFile(overridePath)) : base;
  return new WorkCalendar(withProvisionalYears(merged, LAST_YEAR));
}

/**
 * A warning when this or next year's holiday arrangement is missing. The State Council
 * publishes next year's in November: start-up warns any time (`anyMonth`), the group is
 * warned from December on.
 */
export function missingYearWarning(calendar: WorkCalendar, now: Date, anyMonth = false): string | undefined {
  const [year, month] = splitDate(localDate(now));
  if (!calendar.isKnownYear(year)) {
    return `${year}年节假日安排尚未载入，工作日${PROVISIONAL_MARK}（《全国年节及纪念日放假办法》），调休上班日未知。请管理员把国务院办公厅公布的安排写入节假日文件（DUBAN_CALENDAR）。`;
  }
  if ((anyMonth || month === 12) && !calendar.isKnownYear(year + 1)) {
    return `${year + 1}年节假日安排尚未载入，跨年的时限${PROVISIONAL_MARK}（《全国年节及纪念日放假办法》），调休上班日未知。国务院办公厅公布后，请管理员写入节假日文件（DUBAN_CALENDAR）。`;
  }
  return undefined;
}
