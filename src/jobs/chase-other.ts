import { OPEN_STATUSES, isOpen, type Task } from '../domain/task.js';
import { addDays, formatDateCn, formatDateShortCn } from '../time/shanghai.js';
import { originTarget, type ChaseItem } from './chase-messages.js';
import type { StepReached } from './ladder-notices.js';
import type { JobContext } from './job.js';

/**
 * Tasks whose clock is stopped by an undecided request: a 延期 filed before the deadline, or a
 * 难以执行 waiting for its answer. They are not chased and not counted overdue until decided;
 * the request itself is chased to the approver through the 督查室's 专报.
 */
export async function pausedTaskIds(ctx: JobContext): Promise<Set<number>> {
  return new Set((await ctx.repos.requests.allPending()).map((r) => r.taskId));
}

/** 整改要求 past their date on work still open: the task reaches step 2 (B五(一)). */
export async function overdueDemands(ctx: JobContext): Promise<StepReached<Task>[]> {
  const out: StepReached<Task>[] = [];
  for (const d of await ctx.repos.ladder.notes('demand', ['open'])) {
    if (!d.due || d.due >= ctx.today) continue;
    const task = await ctx.repos.tasks.findById(d.taskId);
    if (!task || !isOpen(task)) {
      await ctx.repos.ladder.setNoteStatus(d.id, 'met');
      continue;
    }
    await ctx.repos.ladder.setNoteStatus(d.id, 'escalated');
    if (task.ladderStep < 2 && !task.climbStoppedAt) out.push({ task, step: 2, trigger: 'demand', target: originTarget(task.origin) });
  }
  return out;
}

/** Records the 未签收 chase of each unit that has not signed; the line is written by `unackedLine`. */
export async function chaseUnacknowledged(ctx: JobContext): Promise<number> {
  const tasks = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, unacknowledged: true, assignedTo: addDays(ctx.today, -1), order: 'assigned' });
  let count = 0;
  for (const task of tasks) {
    // Work assigned after hours is due for signing on its ack day, not the day it came in.
    if ((task.ackDue ?? task.assignedDate) >= ctx.today) continue;
    for (const u of task.units.filter((x) => !x.ackedAt)) {
      await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'unacked', chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
      count += 1;
    }
  }
  return count;
}

export function unackedLine(ctx: JobContext, task: Pick<Task, 'code' | 'title' | 'assignedDate'>, unitId: string): ChaseItem {
  const days = ctx.calendar.workingDaysBetween(task.assignedDate, ctx.today);
  return {
    section: '未签收',
    line: `${task.code} ${task.title}｜${formatDateShortCn(task.assignedDate)}交办，已 ${days} 个工作日未签收（${ctx.directory.unitName(unitId)}）`,
  };
}

/** 到期预警 (Q二(三)3) on the configured working days before the deadline and on the day. */
export async function warnBeforeDeadline(ctx: JobContext): Promise<number> {
  const furthest = Math.max(0, ...ctx.schedule.warnDays);
  const until = ctx.calendar.addWorkingDays(ctx.today, furthest);
  const tasks = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, deadlineFrom: ctx.today, deadlineTo: until });
  let count = 0;
  for (const task of tasks) {
    const left = ctx.calendar.workingDaysBetween(ctx.today, task.deadline);
    if (task.deadline !== ctx.today && !ctx.schedule.warnDays.includes(left)) continue;
    for (const u of task.units.filter((x) => x.role === 'lead' || !x.partDoneAt)) {
      await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'warning', chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
    }
    count += 1;
  }
  return count;
}

export function warningLine(ctx: JobContext, task: Pick<Task, 'code' | 'title' | 'deadline'>): ChaseItem {
  const left = ctx.calendar.workingDaysBetween(ctx.today, task.deadline);
  const when = task.deadline === ctx.today ? '今日到期' : `${formatDateCn(task.deadline, ctx.today)}到期，还有 ${left} 个工作日`;
  return { section: '到期预警', line: `${task.code} ${task.title}｜${when}` };
}
