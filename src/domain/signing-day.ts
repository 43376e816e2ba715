import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LocalDate } from '../time/shanghai.js';

/**
 * The day 签收 is due (J五(一) 当天收文、当天拟办). Work that arrives within working hours on a
 * working day is signed that day; work that arrives after hours (`DUBAN_WORK_HOURS`) or on a
 * rest day counts as received the next working day, so signing by the end of it is on time.
 */
export function signingDay(date: LocalDate, time: string, calendar: WorkCalendar, workEnd = '18:00'): LocalDate {
  if (!calendar.isWorkingDay(date) || time > workEnd) return calendar.addWorkingDays(date, 1);
  return date;
}
