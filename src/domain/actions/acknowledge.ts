import type { ActionContext } from '../action-context.js';
import type { Task, TaskUnit } from '../task.js';
import { isoShanghai } from '../../time/shanghai.js';

/**
 * 签收: acknowledges the given units that have not signed yet, by `by`. `implicit` marks a
 * signing implied by a later act (进展, 办结, 难以执行 before 签收). The task becomes 办理中
 * once its lead unit has signed. Returns the units newly acknowledged.
 */
export async function acknowledgeUnits(c: ActionContext, task: Task, units: readonly TaskUnit[], by: string, implicit: boolean): Promise<TaskUnit[]> {
  const at = isoShanghai(c.now);
  const fresh = units.filter((u) => !u.ackedAt);
  for (const u of fresh) {
    await c.repos.tasks.acknowledge(task.id, u.unitId, by, at);
    await c.audit('acknowledge', { unit: u.unitId, implicit, onTime: c.today === task.assignedDate }, { taskId: task.id });
    u.ackedAt = at;
    u.ackedBy = by;
  }
  // The repository promotes 待签收 to 办理中 when the lead unit signs; mirror it here.
  if (task.status === 'pending' && fresh.some((u) => u.role === 'lead')) task.status = 'active';
  return fresh;
}
