import type { NoticeTask } from './contracts/chases.js';

/** A row of `noticeTasks` on every backend: a task joined with its lead unit's row (none when it has none). */
export interface NoticeRow extends Omit<NoticeTask, 'units' | 'parentId'> {
  parentId: number | null;
  responsibleId: string | null;
}

/** Folds the joined rows (in task id order) into one NoticeTask each. */
export function noticeTasksOf(rows: readonly NoticeRow[]): NoticeTask[] {
  const out: NoticeTask[] = [];
  let last: (NoticeTask & { units: Array<{ role: 'lead'; responsibleId: string }> }) | undefined;
  for (const r of rows) {
    if (last?.id !== r.id) {
      const { responsibleId: _r, parentId, ...rest } = r;
      last = { ...rest, ...(parentId !== null ? { parentId } : {}), units: [] };
      out.push(last);
    }
    if (r.responsibleId !== null) last.units.push({ role: 'lead', responsibleId: r.responsibleId });
  }
  return out;
}
