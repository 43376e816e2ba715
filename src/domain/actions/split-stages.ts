import type { ActionContext } from '../action-context.js';
import type { MessageRef, Task } from '../task.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai } from '../../time/shanghai.js';

export interface StageInput {
  title: string;
  deadline: LocalDate;
  unitId: string;
  responsibleId: string;
}

/**
 * 分解: the task becomes stages (`D-0001-1` …), each with its own unit, responsible person and
 * deadline; a unit that already signed the task does not sign its stages again. Returns the
 * stages created and which of them still wait to be signed.
 */
export async function splitIntoStages(
  c: ActionContext,
  task: Task,
  stages: readonly StageInput[],
  d: { by: string; origin: MessageRef },
): Promise<Array<{ stage: Task; input: StageInput; toSign: boolean }>> {
  const at = isoShanghai(c.now);
  const out: Array<{ stage: Task; input: StageInput; toSign: boolean }> = [];
  for (const s of stages) {
    const stage = await c.repos.tasks.create({
      title: s.title,
      source: task.source,
      isKey: task.isKey,
      assignerId: task.assignerId,
      assignedAt: at,
      assignedDate: c.today,
      deadline: s.deadline,
      units: [{ unitId: s.unitId, role: 'lead', responsibleId: s.responsibleId }],
      origin: d.origin,
      parent: { id: task.id, code: task.code },
      splitBy: d.by,
    });
    await c.audit('assign', { title: s.title, deadline: s.deadline, lead: s.unitId, units: stage.units, stageOf: task.code, source: task.source, splitBy: d.by }, { taskId: stage.id });
    const signed = task.units.find((u) => u.unitId === s.unitId && u.ackedAt);
    if (signed) await c.repos.tasks.acknowledge(stage.id, s.unitId, signed.ackedBy ?? d.by, at);
    out.push({ stage, input: s, toSign: !signed });
  }
  await c.audit('stage_split', { stages: stages.length }, { taskId: task.id });
  return out;
}
