import type { OverdueCandidate, OverdueChase } from '../../storage/scheduling-repositories.js';
import type { Task } from '../domain/task.js';
import { stepForChase } from '../domain/actions/ladder-step.js';
import { daysBetween, isoShanghai } from '../time/shanghai.js';
import { originTarget } from './chase-messages.js';
import { chaseUnacknowledged, overdueDemands, pausedTaskIds, warnBeforeDeadline } from './chase-other.js';
import { budget, lettersPage, type ChaseCursor } from './chase-pages.js';
import { noticesPage } from './notice-pages.js';
import { allPages, type JobContext, type JobDefinition, type PageResult } from './job.js';

/** Tasks chased per page (one transaction) unless the schedule says otherwise. */
export const CHASE_PAGE = 250;

/**
 * 逐级催办 (两通报、一移交, B五(一)), 催签收 and 预警, once each working morning. Every overdue
 * task is chased and its count climbs. The 1st chase brings a 督查室通报 and the 日常考核工作台账
 * entry; the 2nd an 办公厅通报 and the unit head's 说明 owed to the assigning leader; the 3rd
 * puts it on the 拟移交 list for the 督查室 and 秘书长 (nothing is handed over without a
 * leader's approval). Leaders are never @-mentioned here: they read a 专报 (leader-digest).
 * Paused work, and work with an undecided 延期 or 难以执行, is not chased.
 *
 * It runs in pages, each its own transaction with the run's cursor: the overdue tasks by id
 * (count, ledger row, audit), then 未签收 and 预警, then one message per (chat, person) built
 * from the run's ledger rows, then the 通报 of the steps reached. A crash resumes at the page
 * after the last committed one.
 */
export const dailyChase: JobDefinition = {
  name: 'daily-chase',
  label: '每日督办（逐级催办、催签收、预警）',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.chaseTime : undefined),
  period: (date) => date,
  run: (ctx) => allPages(chasePage, ctx),
  page: chasePage,
};

async function chasePage(ctx: JobContext, raw: string | undefined, memo: Map<string, unknown>): Promise<PageResult> {
  const c: ChaseCursor = raw
    ? (JSON.parse(raw) as ChaseCursor)
    : { phase: 'overdue', after: 0, log: await ctx.repos.chases.lastId(), steps: await ctx.repos.chases.lastStepId(), n: { chased: 0, unacked: 0, warned: 0, notices: 0, paused: 0 } };
  const size = ctx.schedule.pageSize ?? CHASE_PAGE;
  if (c.phase === 'overdue') await overduePage(ctx, c, size);
  else if (c.phase === 'unacked') {
    c.n.unacked = await chaseUnacknowledged(ctx);
    c.n.warned = await warnBeforeDeadline(ctx);
    Object.assign(c, { phase: 'letters', after: 0 });
  } else if (c.phase === 'letters') await lettersPage(ctx, c, size, memo);
  else if (await noticesPage(ctx, c, size, memo)) {
    const { chased, unacked, warned, notices, paused } = c.n;
    return { detail: `逾期催办 ${chased} 件，未签收 ${unacked} 件，预警 ${warned} 件，通报 ${notices} 期，暂停催办 ${paused} 件` };
  }
  return { cursor: JSON.stringify(c) };
}

/** Overdue tasks read per statement, and the most task ids one read covers (few may be overdue). */
const SLICE = 100;
const SPAN = 20_000;

/**
 * One page of overdue tasks by id, a slice at a time, each slice's writes in a few statements;
 * the last page also escalates the 整改要求 past their date.
 */
async function overduePage(ctx: JobContext, c: ChaseCursor, size: number): Promise<void> {
  const paused = await pausedTaskIds(ctx);
  c.n.paused = paused.size;
  c.until ??= await ctx.repos.chases.lastTaskId();
  const run = { date: ctx.today, jobPeriod: ctx.occurrence.period, at: isoShanghai(ctx.now), job: `${ctx.occurrence.job}:${ctx.occurrence.period}` };
  const b = budget(size);
  while (c.after < c.until && b.left()) {
    const through = Math.min(c.until, c.after + SPAN);
    const limit = Math.min(SLICE, size);
    const rows = await ctx.repos.chases.overdueAfter(ctx.today, c.after, through, limit);
    const chases = rows.filter((t) => !paused.has(t.id) && t.lastChasedDate !== ctx.today).map((t) => overdueChase(ctx, t));
    await ctx.repos.chases.recordOverdue(chases, run);
    c.n.chased += chases.length;
    c.after = rows.length === limit ? (rows.at(-1)?.id ?? through) : through;
    b.spend(Math.max(1, rows.length));
  }
  if (c.after < c.until) return;
  for (const r of await overdueDemands(ctx)) await recordStep(ctx, r.task, r.step, r.trigger);
  Object.assign(c, { phase: 'unacked', after: 0 });
}

/** What one overdue task's chase writes: its count, the audit details, the step it reaches. */
function overdueChase(ctx: JobContext, t: OverdueCandidate): OverdueChase {
  const n = t.chaseCount + 1;
  const step = stepForChase(t, n);
  const details = JSON.stringify({ n, overdueDays: daysBetween(t.deadline, ctx.today), step });
  return { taskId: t.id, chaseNo: n, details, step, platform: t.platform, chatId: t.chatId, leadUnitId: t.leadUnitId };
}

function recordStep(ctx: JobContext, task: Task, step: 1 | 2 | 3, trigger: string): Promise<void> {
  const target = originTarget(task.origin);
  return ctx.repos.chases.recordStep({ jobPeriod: ctx.occurrence.period, taskId: task.id, step, trigger, platform: target.platform, chatId: target.targetId, unitId: task.leadUnitId });
}
