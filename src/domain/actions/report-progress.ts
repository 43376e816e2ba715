import type { ActionContext } from '../action-context.js';
import type { Task, TaskUnit } from '../task.js';
import { isoShanghai } from '../../time/shanghai.js';

export interface ProgressInput {
  unit: TaskUnit;
  by: string;
  percent?: number;
  text: string;
}

/** 进展: records a unit's progress report on a task. */
export async function reportProgress(c: ActionContext, task: Task, p: ProgressInput): Promise<void> {
  await c.repos.tasks.addReport({
    taskId: task.id,
    unitId: p.unit.unitId,
    personId: p.by,
    kind: 'progress',
    percent: p.percent,
    text: p.text,
    at: isoShanghai(c.now),
  });
  await c.audit('progress', { unit: p.unit.unitId, percent: p.percent, text: p.text }, { taskId: task.id });
}
