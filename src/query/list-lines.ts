import type { Task } from '../domain/task.js';
import { taskLine } from '../render/task-view.js';
import { coloursOf } from '../reports/colour-of.js';
import type { QueryContext } from './query-context.js';

/**
 * List lines for an answer, each open task ending with its 三色 mark under the configured scheme;
 * with `unsigned`, each also names the units that have not signed for it and their responsible
 * person (a 谁还没签收 asks who, and the lead unit's line alone would not say).
 */
export async function listLines(tasks: readonly Task[], q: QueryContext, opts: { unsigned?: boolean } = {}): Promise<string[]> {
  const colours = q.settings ? await coloursOf(tasks, { repos: q.repos, calendar: q.calendar, today: q.today, scheme: q.settings.colourScheme, warnDays: q.settings.warnDays }) : [];
  return tasks.map((t, i) => taskLine(t, q, colours[i]) + (opts.unsigned ? unsignedText(t, q) : ''));
}

function unsignedText(task: Task, q: QueryContext): string {
  const units = task.units.filter((u) => !u.ackedAt);
  if (units.length === 0) return '';
  return `｜未签收：${units.map((u) => `${q.directory.unitName(u.unitId)}（${q.directory.personName(u.responsibleId)}）`).join('、')}`;
}
