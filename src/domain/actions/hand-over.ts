import type { ActionContext } from '../action-context.js';
import type { Coordination } from '../coordination.js';
import { OPEN_STATUSES, type Task, type TaskUnit } from '../task.js';
import { isoShanghai } from '../../time/shanghai.js';

/** 转交 of one task: the unit's responsible person changes; history, deadline and chase count stay. */
export async function handOverTask(c: ActionContext, task: Task, unit: TaskUnit, toId: string): Promise<void> {
  await c.repos.tasks.transferResponsible(unit.responsibleId, toId, isoShanghai(c.now), task.id);
  await c.audit('handover', { from: unit.responsibleId, to: toId, unit: unit.unitId, scope: 'task' }, { taskId: task.id });
}

/** What a person's handover moved, item by item, for the 交接清单. */
export type HandedOver =
  | { kind: 'task'; task: Task }
  | { kind: 'assigner'; task: Task }
  | { kind: 'coordination'; item: Coordination; role: 'owner' | 'requester' | 'handler' }
  | { kind: 'requests'; count: number };

/**
 * 转交 of everything a person holds (新官要理旧账): the tasks he is responsible for, the
 * assigner's duty when the successor may assign, his coordination items and his pending
 * requests. Returns the list; an empty list means nothing was moved (and nothing recorded).
 */
export async function handOverPerson(c: ActionContext, fromId: string, toId: string, opts: { assignerDuty: boolean }): Promise<HandedOver[]> {
  const at = isoShanghai(c.now);
  const moved: HandedOver[] = [];
  for (const id of await c.repos.tasks.transferResponsible(fromId, toId, at)) {
    const task = await c.repos.tasks.findById(id);
    if (!task) continue;
    await c.audit('handover', { from: fromId, to: toId, scope: 'person' }, { taskId: id });
    moved.push({ kind: 'task', task });
  }
  if (opts.assignerDuty) {
    for (const task of await c.repos.tasks.list({ assignerId: fromId, statuses: [...OPEN_STATUSES, 'paused'] })) {
      await c.repos.tasks.update(task.id, { assignerId: toId }, at);
      await c.audit('handover', { from: fromId, to: toId, scope: 'assigner' }, { taskId: task.id });
      moved.push({ kind: 'assigner', task });
    }
  }
  for (const item of await c.repos.coordinations.involving(fromId)) {
    await c.repos.coordinations.update(item.id, {
      ownerId: item.ownerId === fromId ? toId : undefined,
      requesterId: item.requesterId === fromId ? toId : undefined,
      handlerIds: item.handlerIds.map((h) => (h === fromId ? toId : h)),
    });
    await c.audit('handover', { from: fromId, to: toId, scope: 'coordination', code: item.code }, { taskId: item.taskId, subject: item.code });
    moved.push({ kind: 'coordination', item, role: item.ownerId === fromId ? 'owner' : item.requesterId === fromId ? 'requester' : 'handler' });
  }
  const requests = await c.repos.requests.transferRaiser(fromId, toId);
  if (requests > 0) moved.push({ kind: 'requests', count: requests });
  if (moved.length > 0) await c.audit('handover_person', { from: fromId, to: toId, items: moved.length }, { subject: `person:${fromId}` });
  return moved;
}
