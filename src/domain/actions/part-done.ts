import type { ActionContext } from '../action-context.js';
import type { Task, TaskUnit } from '../task.js';
import { isoShanghai } from '../../time/shanghai.js';

/** A co-unit reports its part done (H6: 牵头单位负总责): from now on it is not chased for this task. */
export async function completePart(c: ActionContext, task: Task, unit: TaskUnit, text: string): Promise<void> {
  const at = isoShanghai(c.now);
  await c.repos.tasks.addReport({ taskId: task.id, unitId: unit.unitId, personId: unit.responsibleId, kind: 'progress', text: `配合部分已完成：${text}`, at });
  await c.repos.tasks.markPartDone(task.id, unit.unitId, text, at);
  await c.audit('part_done', { unit: unit.unitId, text }, { taskId: task.id });
}
