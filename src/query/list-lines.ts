import type { Task } from '../domain/task.js';
import { taskLine } from '../render/task-view.js';
import { coloursOf } from '../reports/colour-of.js';
import type { QueryContext } from './query-context.js';

/**
 * List lines for an answer, each open task ending with its 三色 mark under the configured scheme;
 * with `unsigned`, each also names the units that have not signed for it and their responsible
 * person (a 谁还没签收 asks who, and the lead unit's line alone would not say); with `who`, each
 * names every unit's responsible person (逾期的事情谁负责).
 */
export async function listLines(tasks: readonly Task[], q: QueryContext, opts: { unsigned?: boolean; who?: boolean } = {}): Promise<string[]> {
  const colours = q.settings ? await coloursOf(tasks, { repos: q.repos, calendar: q.calendar, today: q.today, scheme: q.settings.colourScheme, warnDays: q.settings.warnDays }) : [];
  return tasks.map((t, i) => taskLine(t, q, colours[i]) + (opts.unsigned ? unsignedText(t, q) : opts.who ? responsibleText(t, q) : ''));
}

/** 逾期的事情谁负责: every unit of the task with its responsible person, the lead first. */
function responsibleText(task: Task, q: QueryContext): string {
  const lead = task.units.filter((u) => u.role === 'lead');
  const co = task.units.filter((u) => u.role !== 'lead');
  const name = (u: Task['units'][number]) => `${q.directory.unitName(u.unitId)} ${q.directory.personName(u.responsibleId)}`;
  return `｜责任人：${lead.map(name).join('、')}${co.length > 0 ? `；配合 ${co.map(name).join('、')}` : ''}`;
}

function unsignedText(task: Task, q: QueryContext): string {
  const units = task.units.filter((u) => !u.ackedAt);
  if (units.length === 0) return '';
  return `｜未签收：${units.map((u) => `${q.directory.unitName(u.unitId)}（${q.directory.personName(u.responsibleId)}）`).join('、')}`;
}
