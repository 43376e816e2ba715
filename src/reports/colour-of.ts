import type { Repositories } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { DONE_STATUSES, type Task } from '../domain/task.js';
import { taskColour, type ColourScheme, type TaskColour } from '../render/task-colour.js';
import type { LocalDate } from '../time/shanghai.js';

/** What working out a task's 三色 needs: its stages, the calendar, today and the configured scheme. */
export interface ColourContext {
  repos: Pick<Repositories, 'tasks'>;
  calendar: WorkCalendar;
  today: LocalDate;
  scheme: ColourScheme;
  warnDays: number;
}

/**
 * The colour of a task today, counting a staged task's done stages as its progress. `known` are
 * the task's stages where the caller has already read them.
 */
export async function colourOf(task: Task, c: ColourContext, known?: readonly Task[]): Promise<TaskColour | undefined> {
  const stages = task.parentId !== undefined ? [] : (known ?? (await c.repos.tasks.stages(task.id)));
  const done = stages.filter((s) => DONE_STATUSES.includes(s.status)).length;
  return taskColour(task, c.scheme, {
    today: c.today,
    calendar: c.calendar,
    warnDays: c.warnDays,
    stages: stages.length > 0 ? { total: stages.length, done } : undefined,
  });
}

/** The colours of a page of tasks, in order (lists show one mark per line). */
export async function coloursOf(tasks: readonly Task[], c: ColourContext): Promise<Array<TaskColour | undefined>> {
  const out: Array<TaskColour | undefined> = [];
  for (const t of tasks) out.push(await colourOf(t, c));
  return out;
}
