import type { ActionContext } from '../action-context.js';
import type { MessageRef, Task } from '../task.js';
import type { RectificationOrigin } from '../assessment.js';
import type { Directory } from '../../directory/directory.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai } from '../../time/shanghai.js';
import { assignTask } from './assign.js';

/** Working days a 限期整改 or 限时整改 without a date gives the unit (H13: 限时整改方案). */
export const RECTIFY_DEFAULT_DAYS = 10;

/** The person a unit's rectification goes to: its 主要负责人, else its default handler. */
export function rectifyResponsible(d: Directory, unitId: string): string | undefined {
  return (d.unitHead(unitId) ?? d.defaultResponsible(unitId))?.id;
}

export interface FollowedTask {
  title: string;
  unitId: string;
  responsibleId: string;
  assignerId: string;
  deadline: LocalDate;
  origin: MessageRef;
  isKey?: boolean;
  /** End of working hours: work assigned later is signed by the next working day. */
  workEnd?: string;
}

/** Assigns a task that is followed like any other (签收, 进展, 办结, chasing, 复核). */
export async function assignFollowedTask(c: ActionContext, t: FollowedTask, why: Record<string, unknown>): Promise<Task> {
  // The same 交办 action a command performs.
  const { task } = await assignTask(
    c,
    {
      title: t.title,
      source: 'general',
      isKey: t.isKey ?? true,
      assignerId: t.assignerId,
      deadline: t.deadline,
      units: [{ unitId: t.unitId, role: 'lead', responsibleId: t.responsibleId }],
      origin: t.origin,
      note: why,
    },
    { workEnd: t.workEnd },
  );
  return task;
}

export interface NewRectificationList {
  unitId: string;
  reason: string;
  items: Array<{ text: string; deadline?: LocalDate }>;
  deadline: LocalDate;
  assignerId: string;
  origin: MessageRef;
  kind: RectificationOrigin;
  sourceTaskId?: number;
  workEnd?: string;
  /** The unit's own measures (说明): its author has taken them on, so list and items are signed by him. */
  acknowledgedBy?: string;
}

/**
 * Opens a 整改清单 (H1, H13, Q二(一)1): one 重点 task for the whole list whose stages are the
 * items, so that each item is 签收ed, reported and 办结ed on its own, the list completes when
 * the last item does, and the list is drawn for 复核 like any 重点 completion.
 */
export async function openRectificationList(c: ActionContext, l: NewRectificationList): Promise<{ list: Task; items: Task[] }> {
  const responsibleId = rectifyResponsible(c.directory, l.unitId);
  if (!responsibleId) throw new Error(`unit ${l.unitId} has nobody to receive a rectification list`);
  const list = await assignFollowedTask(
    c,
    {
      title: `整改清单：${l.reason}`,
      unitId: l.unitId,
      responsibleId,
      assignerId: l.assignerId,
      deadline: l.deadline,
      origin: l.origin,
      workEnd: l.workEnd,
    },
    { rectification: l.kind, items: l.items.length },
  );
  await c.repos.rectifications.add({ taskId: list.id, unitId: l.unitId, reason: l.reason, origin: l.kind, sourceTaskId: l.sourceTaskId, openedDate: c.today });
  const at = isoShanghai(c.now);
  const items: Task[] = [];
  for (const item of l.items) {
    const deadline = item.deadline && item.deadline < l.deadline ? item.deadline : l.deadline;
    const stage = await c.repos.tasks.create({
      title: item.text,
      source: 'general',
      isKey: true,
      assignerId: l.assignerId,
      assignedAt: at,
      assignedDate: c.today,
      deadline,
      units: [{ unitId: l.unitId, role: 'lead', responsibleId }],
      origin: l.origin,
      parent: { id: list.id, code: list.code },
      splitBy: l.assignerId,
    });
    await c.audit('assign', { title: item.text, deadline, lead: l.unitId, units: stage.units, stageOf: list.code, source: 'general', rectificationItem: true }, { taskId: stage.id });
    items.push(stage);
  }
  if (l.acknowledgedBy) {
    for (const t of [list, ...items]) await c.repos.tasks.acknowledge(t.id, l.unitId, l.acknowledgedBy, at);
  }
  return { list, items };
}
