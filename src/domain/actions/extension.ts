import type { ActionContext } from '../action-context.js';
import type { Task } from '../task.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai } from '../../time/shanghai.js';
import { EXTENSION_ANSWER_DAYS } from '../requests.js';

export interface ExtensionRequestInput {
  unitId: string;
  by: string;
  proposed: LocalDate;
  reason: string;
}

/** 延期 (requested before the deadline): files the request; it is answered by the assigner or the office. Returns which extension it would be. */
export async function requestExtension(c: ActionContext, task: Task, r: ExtensionRequestInput): Promise<{ nth: number; answerDue: LocalDate }> {
  const answerDue = c.calendar.addWorkingDays(c.today, EXTENSION_ANSWER_DAYS);
  await c.repos.requests.create({
    taskId: task.id,
    kind: 'extension',
    unitId: r.unitId,
    raisedBy: r.by,
    raisedAt: isoShanghai(c.now),
    reason: r.reason,
    proposedDeadline: r.proposed,
    answerDue,
  });
  const nth = task.extensionCount + 1;
  await c.audit('extension_request', { proposed: r.proposed, reason: r.reason, nth, repeat: nth > 1 }, { taskId: task.id });
  return { nth, answerDue };
}

/** 批准延期: the deadline in force moves to `to`; the original deadline stays for 按期办结 counting. */
export async function approveExtension(c: ActionContext, task: Task, requestId: number, d: { by: string; to: LocalDate; note: string }): Promise<{ nth: number }> {
  const at = isoShanghai(c.now);
  const nth = task.extensionCount + 1;
  await c.repos.requests.answer(requestId, { decision: 'approved', decidedBy: d.by, decidedAt: at, note: d.note || undefined, newDeadline: d.to });
  await c.repos.tasks.update(task.id, { deadline: d.to, extensionCount: nth }, at);
  await c.audit('extension_approve', { from: task.deadline, to: d.to, nth, repeat: nth > 1, note: d.note }, { taskId: task.id });
  return { nth };
}

/** 驳回延期: the request is refused; the deadline in force stands. */
export async function refuseExtension(c: ActionContext, task: Task, request: { id: number; proposedDeadline?: LocalDate | undefined }, d: { by: string; note: string }): Promise<void> {
  await c.repos.requests.answer(request.id, { decision: 'refused', decidedBy: d.by, decidedAt: isoShanghai(c.now), note: d.note });
  await c.audit('extension_refuse', { proposed: request.proposedDeadline, note: d.note }, { taskId: task.id });
}
