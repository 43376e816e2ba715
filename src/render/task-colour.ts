import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Task } from '../domain/task.js';
import { isOpen } from '../domain/task.js';
import type { LocalDate } from '../time/shanghai.js';

/**
 * 三色 status: where an open task stands against its calendar, derived on every read and never
 * stored. `overdue`: the deadline in force has passed; `near`: due within the warning days;
 * `behind`: the reported percentage (or the share of stages done) is below the share of working
 * days elapsed; `ok`: on track. Completed and paused work has no signal.
 */
export type TaskSignal = 'overdue' | 'behind' | 'near' | 'ok';

export type { ColourScheme } from '../core/attachment.js';
import type { ColourScheme } from '../core/attachment.js';
export const COLOUR_SCHEMES: readonly ColourScheme[] = ['红黄绿', '蓝黄红'];

export type TaskColour = 'red' | 'yellow' | 'green' | 'blue';

export const COLOUR_LABEL: Record<TaskColour, string> = { red: '红', yellow: '黄', green: '绿', blue: '蓝' };
/** RGB for documents, workbooks and charts. */
export const COLOUR_HEX: Record<TaskColour, string> = { red: 'D9363E', yellow: 'F2B200', green: '2BA471', blue: '2F6BDE' };

const SCHEME: Record<ColourScheme, Record<TaskSignal, TaskColour | undefined>> = {
  红黄绿: { overdue: 'red', behind: 'yellow', near: 'yellow', ok: 'green' },
  // On track has no colour of its own in the blue-yellow-red scheme.
  蓝黄红: { overdue: 'red', behind: 'yellow', near: 'blue', ok: undefined },
};

export interface SignalOptions {
  today: LocalDate;
  calendar: WorkCalendar;
  /** Working days before the deadline that count as near (the largest of DUBAN_WARN_DAYS). */
  warnDays: number;
  /** For a task split into stages: how many there are and how many are done. */
  stages?: { total: number; done: number };
}

/** The signal of a task today; undefined when it is completed, verified or paused. */
export function taskSignal(task: Pick<Task, 'status' | 'deadline' | 'assignedDate' | 'progress'>, o: SignalOptions): TaskSignal | undefined {
  if (!isOpen(task)) return undefined;
  if (task.deadline < o.today) return 'overdue';
  const span = o.calendar.workingDaysBetween(task.assignedDate, task.deadline);
  const elapsed = o.calendar.workingDaysBetween(task.assignedDate, o.today);
  const reported = o.stages && o.stages.total > 0 ? o.stages.done / o.stages.total : task.progress !== undefined ? task.progress / 100 : undefined;
  if (reported !== undefined && span > 0 && reported < Math.min(1, elapsed / span)) return 'behind';
  if (o.calendar.workingDaysBetween(o.today, task.deadline) <= o.warnDays) return 'near';
  return 'ok';
}

export function signalColour(signal: TaskSignal | undefined, scheme: ColourScheme): TaskColour | undefined {
  return signal === undefined ? undefined : SCHEME[scheme][signal];
}

/** The colour of a task today under a scheme (undefined: none). */
export function taskColour(task: Pick<Task, 'status' | 'deadline' | 'assignedDate' | 'progress'>, scheme: ColourScheme, o: SignalOptions): TaskColour | undefined {
  return signalColour(taskSignal(task, o), scheme);
}

/** `🔴红` style marker for text lists; empty when the task has no colour. */
export function colourMark(colour: TaskColour | undefined): string {
  if (!colour) return '';
  return { red: '🔴', yellow: '🟡', green: '🟢', blue: '🔵' }[colour] + COLOUR_LABEL[colour];
}

/** The colours a scheme uses, in the order tallies list them. */
export function schemeColours(scheme: ColourScheme): TaskColour[] {
  return scheme === '红黄绿' ? ['red', 'yellow', 'green'] : ['red', 'yellow', 'blue'];
}
