import type { ActionContext } from '../action-context.js';
import type { Task, TaskUnit } from '../task.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai, localDate } from '../../time/shanghai.js';
import { INFEASIBLE_ANSWER_DAYS, type InfeasibleDecision } from '../requests.js';

/** 难以执行 (H3): files the unit's feedback; the assigner or the office answers it. Returns when the answer is due. */
export async function raiseInfeasible(c: ActionContext, task: Task, unit: TaskUnit, d: { by: string; reason: string }): Promise<{ answerDue: LocalDate }> {
  const answerDue = c.calendar.addWorkingDays(c.today, INFEASIBLE_ANSWER_DAYS);
  await c.repos.requests.create({
    taskId: task.id,
    kind: 'infeasible',
    unitId: unit.unitId,
    raisedBy: d.by,
    raisedAt: isoShanghai(c.now),
    reason: d.reason,
    answerDue,
  });
  await c.audit('infeasible_raise', { unit: unit.unitId, reason: d.reason, answerDue }, { taskId: task.id });
  return { answerDue };
}

/**
 * 答复 to a 难以执行: 继续执行 (a paused task resumes), 暂缓执行 (the clock stops), or
 * 按新的办法执行 with a new deadline that becomes the one counted. Returns whether the answer
 * came after its due day.
 */
export async function recordInfeasibleAnswer(
  c: ActionContext,
  task: Task,
  request: { id: number; answerDue: LocalDate },
  d: { by: string; decision: InfeasibleDecision; note: string; newDeadline?: LocalDate | undefined },
): Promise<{ late: boolean; newDeadline?: LocalDate }> {
  const at = isoShanghai(c.now);
  await c.repos.requests.answer(request.id, { decision: d.decision, decidedBy: d.by, decidedAt: at, note: d.note || undefined, newDeadline: d.newDeadline });
  const late = c.today > request.answerDue;
  let newDeadline: LocalDate | undefined;
  if (d.decision === '暂缓执行') {
    await c.repos.tasks.update(task.id, { status: 'paused', pausedAt: at }, at);
  } else if (d.decision === '按新的办法执行') {
    newDeadline = d.newDeadline ?? task.deadline;
    await c.repos.tasks.update(task.id, { deadline: newDeadline, originalDeadline: newDeadline, status: task.status === 'paused' ? 'active' : task.status, pausedAt: null }, at);
  } else if (task.status === 'paused') {
    await c.repos.tasks.update(task.id, { status: 'active', pausedAt: null }, at);
  }
  await c.audit('infeasible_answer', { decision: d.decision, note: d.note, newDeadline: d.newDeadline, late }, { taskId: task.id });
  return newDeadline ? { late, newDeadline } : { late };
}

/** 恢复: a paused task resumes; its deadlines move on by the working days it was paused. */
export async function resumeTask(c: ActionContext, task: Task & { pausedAt: string }, note: string): Promise<{ pausedOn: LocalDate; days: number; deadline: LocalDate }> {
  const pausedOn = localDate(new Date(task.pausedAt));
  const days = Math.max(0, c.calendar.workingDaysBetween(pausedOn, c.today));
  const deadline = days > 0 ? c.calendar.addWorkingDays(task.deadline, days) : task.deadline;
  const original = days > 0 ? c.calendar.addWorkingDays(task.originalDeadline, days) : task.originalDeadline;
  const leadSigned = task.units.some((u) => u.role === 'lead' && u.ackedAt);
  const at = isoShanghai(c.now);
  await c.repos.tasks.update(task.id, { status: leadSigned ? 'active' : 'pending', pausedAt: null, deadline, originalDeadline: original }, at);
  await c.audit('resume', { pausedDays: days, from: task.deadline, to: deadline, note }, { taskId: task.id });
  return { pausedOn, days, deadline };
}
