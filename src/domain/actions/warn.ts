import type { ActionContext } from '../action-context.js';
import type { EfficiencyWarning } from '../assessment.js';
import type { MessageRef, Task } from '../task.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai } from '../../time/shanghai.js';
import { assignFollowedTask, rectifyResponsible } from './rectification-list.js';

export interface NewWarning {
  personId?: string;
  unitId: string;
  reason: string;
  issuerId: string;
  taskId?: number;
  /** The date the 限期整改 is due. */
  due: LocalDate;
  origin: MessageRef;
}

/**
 * Records a 效能告诫 (L五(三)) and assigns the unit its 限期整改 task, followed like any task.
 * The consequences (L四(五)) are derived from the register, never stored.
 */
export async function issueWarning(c: ActionContext, w: NewWarning): Promise<{ warning: EfficiencyWarning; task?: Task }> {
  const at = isoShanghai(c.now);
  const warning = await c.repos.warnings.add({
    personId: w.personId,
    unitId: w.unitId,
    date: c.today,
    reason: w.reason,
    issuerId: w.issuerId,
    taskId: w.taskId,
    at,
  });
  await c.audit('warning', { code: warning.code, person: w.personId, unit: w.unitId, reason: w.reason, task: w.taskId }, { subject: `warning:${warning.code}` });
  const responsibleId = rectifyResponsible(c.directory, w.unitId);
  if (!responsibleId) return { warning };
  const who = w.personId ? c.directory.personName(w.personId) : c.directory.unitName(w.unitId);
  const task = await assignFollowedTask(
    c,
    {
      title: `落实效能告诫${warning.code}（${who}）限期整改：${w.reason}`,
      unitId: w.unitId,
      responsibleId,
      assignerId: w.issuerId,
      deadline: w.due,
      origin: w.origin,
    },
    { warning: warning.code },
  );
  await c.repos.warnings.setRectifyTask(warning.id, task.id);
  return { warning: { ...warning, rectifyTaskId: task.id }, task };
}

/** 撤销告诫: the warning stays in the register, marked withdrawn with who, when and why; it no longer counts. */
export async function withdrawWarning(c: ActionContext, w: EfficiencyWarning, by: string, reason: string): Promise<void> {
  const at = isoShanghai(c.now);
  await c.repos.warnings.withdraw(w.id, by, at, reason);
  await c.audit('warning_withdraw', { code: w.code, reason }, { subject: `warning:${w.code}` });
}
