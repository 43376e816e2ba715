import type { Task } from '../domain/task.js';
import { taskLine } from '../render/task-view.js';
import { coloursOf } from '../reports/colour-of.js';
import type { QueryContext } from './query-context.js';

/** List lines for an answer, each open task ending with its 三色 mark under the configured scheme. */
export async function listLines(tasks: readonly Task[], q: QueryContext): Promise<string[]> {
  if (!q.settings) return tasks.map((t) => taskLine(t, q));
  const colours = await coloursOf(tasks, { repos: q.repos, calendar: q.calendar, today: q.today, scheme: q.settings.colourScheme, warnDays: q.settings.warnDays });
  return tasks.map((t, i) => taskLine(t, q, colours[i]));
}
