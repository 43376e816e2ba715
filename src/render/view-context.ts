import type { Directory } from '../directory/directory.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LocalDate } from '../time/shanghai.js';

/** What rendering a task needs to know: names, the calendar and today's date. */
export interface ViewContext {
  directory: Directory;
  calendar: WorkCalendar;
  today: LocalDate;
}
