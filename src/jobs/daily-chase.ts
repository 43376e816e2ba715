import { OPEN_STATUSES, type Task } from '../domain/task.js';
import { headsLookup } from '../domain/people-state.js';
import { mention } from '../core/reply.js';
import { addDays, daysBetween, formatDateCn, formatDateShortCn, isoShanghai } from '../time/shanghai.js';
import { ChaseBook, MAX_ITEMS_PER_MESSAGE, originTarget } from './chase-messages.js';
import type { JobContext, JobDefinition } from './job.js';
import type { ReplyTarget } from '../outbox/enqueue.js';

const SECTIONS = ['逾期催办', '未签收', '即将到期', '待您答复'];

/**
 * 逐级催办 (两通报、一移交, B五(一)), 催签收 and 预警, once each working morning. Every overdue
 * task is chased and its count climbs: 1st @ the responsible people (recorded in the daily
 * ledger); 2nd also @ the unit head, with a 督查室 notice; 3rd also @ the 分管领导, and the task
 * is marked 移交问责. Paused tasks are not chased. Each person gets one combined message.
 */
export const dailyChase: JobDefinition = {
  name: 'daily-chase',
  label: '每日督办（逐级催办、催签收、预警）',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.chaseTime : undefined),
  period: (date) => date,
  async run(ctx) {
    const book = new ChaseBook();
    const notices = new Map<string, { target: ReplyTarget; lines: Array<[string, string]> }>();
    const chased = await chaseOverdue(ctx, book, notices);
    const unacked = await chaseUnacknowledged(ctx, book);
    const warned = await warnBeforeDeadline(ctx, book);
    const requests = await remindPendingRequests(ctx, book);
    await book.post(
      ctx,
      `每日督办提醒 · ${formatDateCn(ctx.today, ctx.today)}`,
      SECTIONS,
      '回复「签收 编号」「进展 编号 情况」「办结 编号 结果」；确有困难的，到期前申请延期或提请协调。',
    );
    const office = ctx.directory.withRole('督查室').map((p) => p.id);
    for (const { target, lines } of notices.values()) {
      // Most overdue first.
      const listed = [...lines].sort((a, b) => a[0].localeCompare(b[0])).slice(0, MAX_ITEMS_PER_MESSAGE).map(([, line]) => line);
      if (lines.length > listed.length) listed.push(`等共 ${lines.length} 件，发「查询 逾期」查看全部。`);
      await ctx.post(target, {
        tone: 'warning',
        title: `督查室通报 · ${formatDateCn(ctx.today, ctx.today)}`,
        mentions: office,
        lines: listed,
        note: '被催办 2 次的，由单位主要负责人向分管领导作出说明；被催办 3 次仍未落实的，移交问责。',
      });
    }
    return { detail: `逾期催办 ${chased} 件，未签收 ${unacked} 件，预警 ${warned} 件，待答复 ${requests} 件` };
  },
};

async function chaseOverdue(ctx: JobContext, book: ChaseBook, notices: Map<string, { target: ReplyTarget; lines: Array<[string, string]> }>): Promise<number> {
  const at = isoShanghai(ctx.now);
  const headsOf = await headsLookup(ctx.repos, ctx.directory, ctx.today);
  let count = 0;
  // Paged by id so that a hundred thousand overdue tasks never sit in memory at once.
  for (let after = 0, page = await nextPage(ctx, after); page.length > 0; page = await nextPage(ctx, after)) {
    after = page.at(-1)?.id ?? after;
    for (const task of page) count += await chaseOne(ctx, task, book, notices, at, headsOf) ? 1 : 0;
  }
  return count;
}

const PAGE = 2000;

function nextPage(ctx: JobContext, after: number): Promise<Task[]> {
  return ctx.repos.tasks.list({ statuses: OPEN_STATUSES, deadlineBefore: ctx.today, idAfter: after, order: 'code', limit: PAGE });
}

async function chaseOne(
  ctx: JobContext,
  task: Task,
  book: ChaseBook,
  notices: Map<string, { target: ReplyTarget; lines: Array<[string, string]> }>,
  at: string,
  headsOf: (unitId: string) => string[],
): Promise<boolean> {
  const period = ctx.occurrence.period;
  if (task.lastChasedDate === ctx.today) return false;
  const n = task.chaseCount + 1;
  const handOver = n >= 3 && !task.accountabilityAt;
  await ctx.repos.tasks.update(task.id, { chaseCount: n, lastChasedDate: ctx.today, ...(handOver ? { accountabilityAt: at } : {}) }, at);
  const overdueDays = daysBetween(task.deadline, ctx.today);
  await ctx.audit('chase', { n, overdueDays, accountability: n >= 3 }, { taskId: task.id });
  const heads = n >= 2 ? headsOf(task.leadUnitId) : [];
  const leaders = n >= 3 ? ctx.directory.coveringUnit('分管领导', task.leadUnitId).map((p) => p.id) : [];
  const line = overdueLine(task, n, overdueDays, heads, leaders);
  for (const u of task.units) {
    await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'overdue', chaseNo: n, chasedDate: ctx.today, jobPeriod: period });
    book.add(originTarget(task.origin), u.responsibleId, { section: '逾期催办', line, alsoMention: [...heads, ...leaders], sortKey: task.deadline });
  }
  if (n >= 2) {
    const unit = ctx.directory.unitName(task.leadUnitId);
    const what = n >= 3 ? `第 ${n} 次催办，已移交问责` : '第 2 次催办';
    const key = `${task.origin.platform}:${task.origin.chatId}`;
    const entry = notices.get(key) ?? { target: originTarget(task.origin), lines: [] };
    entry.lines.push([task.deadline, `${task.code} ${task.title}｜${unit}｜逾期 ${overdueDays} 天｜${what}`]);
    notices.set(key, entry);
  }
  return true;
}

function overdueLine(task: Task, n: number, overdueDays: number, heads: string[], leaders: string[]): string {
  let tail = `第 ${n} 次催办`;
  if (n === 2) tail += `，已通报督查室，请单位主要负责人 ${heads.map(mention).join('、')} 向分管领导作出说明`;
  if (n >= 3) {
    const who = [...heads.map(mention), ...leaders.map(mention)].join('、');
    tail += `，已移交问责${who ? `，请 ${who} 阅知` : ''}`;
  }
  return `${task.code} ${task.title}｜${formatDateShortCn(task.deadline)}到期，逾期 ${overdueDays} 天｜${tail}`;
}

async function chaseUnacknowledged(ctx: JobContext, book: ChaseBook): Promise<number> {
  const tasks = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, unacknowledged: true, assignedTo: addDays(ctx.today, -1), order: 'assigned' });
  let count = 0;
  for (const task of tasks) {
    for (const u of task.units.filter((x) => !x.ackedAt)) {
      const days = ctx.calendar.workingDaysBetween(task.assignedDate, ctx.today);
      await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'unacked', chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
      book.add(originTarget(task.origin), u.responsibleId, {
        section: '未签收',
        line: `${task.code} ${task.title}｜${formatDateShortCn(task.assignedDate)}交办，已 ${days} 个工作日未签收（${ctx.directory.unitName(u.unitId)}）`,
      });
      count += 1;
    }
  }
  return count;
}

async function warnBeforeDeadline(ctx: JobContext, book: ChaseBook): Promise<number> {
  const furthest = Math.max(0, ...ctx.schedule.warnDays);
  const until = ctx.calendar.addWorkingDays(ctx.today, furthest);
  const tasks = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, deadlineFrom: ctx.today, deadlineTo: until });
  let count = 0;
  for (const task of tasks) {
    const left = ctx.calendar.workingDaysBetween(ctx.today, task.deadline);
    if (task.deadline !== ctx.today && !ctx.schedule.warnDays.includes(left)) continue;
    const when = task.deadline === ctx.today ? '今日到期' : `${formatDateCn(task.deadline, ctx.today)}到期，还有 ${left} 个工作日`;
    for (const u of task.units) {
      await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'warning', chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
      book.add(originTarget(task.origin), u.responsibleId, { section: '即将到期', line: `${task.code} ${task.title}｜${when}` });
    }
    count += 1;
  }
  return count;
}

/** 难以执行 and 延期 requests the office has not answered by their due date. */
async function remindPendingRequests(ctx: JobContext, book: ChaseBook): Promise<number> {
  let count = 0;
  for (const r of await ctx.repos.requests.allPending()) {
    if (r.answerDue >= ctx.today) continue;
    const task = await ctx.repos.tasks.findById(r.taskId);
    if (!task) continue;
    const what = r.kind === 'extension' ? `延期申请（至 ${formatDateShortCn(r.proposedDeadline ?? '')}）待审批` : '难以执行反馈待答复';
    const line = `${task.code} ${task.title}｜${what}，答复时限 ${formatDateShortCn(r.answerDue)}，已超过`;
    const office = ctx.directory.withRole('督查室').map((p) => p.id);
    for (const person of new Set([task.assignerId, ...office])) book.add(originTarget(task.origin), person, { section: '待您答复', line });
    count += 1;
  }
  return count;
}
