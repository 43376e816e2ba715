import type { Repositories } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Directory } from '../directory/directory.js';
import type { LocalDate } from '../time/shanghai.js';
import type { AuditAction } from './audit-actions.js';

/**
 * What a domain action needs, whether a command or a scheduled job performs it: the
 * transaction's repositories, the organisation, the calendar, the time, and an audit hook
 * that already knows who acts and where it came from.
 */
export interface ActionContext {
  repos: Repositories;
  directory: Directory;
  calendar: WorkCalendar;
  now: Date;
  today: LocalDate;
  audit(action: AuditAction, details: Record<string, unknown>, about?: { taskId?: number; subject?: string }): Promise<void>;
}
