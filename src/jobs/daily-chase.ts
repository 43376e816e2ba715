import { OPEN_STATUSES, type Task } from '../domain/task.js';
import { headsLookup } from '../domain/people-state.js';
import { isLeader } from '../domain/ladder.js';
import { stepForChase } from '../domain/actions/ladder-step.js';
import { daysBetween, formatDateCn, formatDateShortCn, isoShanghai } from '../time/shanghai.js';
import { ChaseBook, originTarget } from './chase-messages.js';
import { announceSteps, type StepReached } from './ladder-notices.js';
import { chaseUnacknowledged, overdueDemands, pausedTaskIds, warnBeforeDeadline } from './chase-other.js';
import type { JobContext, JobDefinition } from './job.js';

const SECTIONS = ['逾期催办', '未签收', '到期预警'];

/**
 * 逐级催办 (两通报、一移交, B五(一)), 催签收 and 预警, once each working morning. Every overdue
 * task is chased and its count climbs. The 1st chase brings a 督查室通报 and the 日常考核工作台账
 * entry; the 2nd an 办公厅通报 and the unit head's 说明 owed to the assigning leader; the 3rd
 * puts it on the 拟移交 list for the 督查室 and 秘书长 (nothing is handed over without a
 * leader's approval). Leaders are never @-mentioned here: they read a 专报 (leader-digest).
 * Paused work, and work with an undecided 延期 or 难以执行, is not chased.
 */
export const dailyChase: JobDefinition = {
  name: 'daily-chase',
  label: '每日督办（逐级催办、催签收、预警）',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.chaseTime : undefined),
  period: (date) => date,
  async run(ctx) {
    const book = new ChaseBook();
    const reached: StepReached[] = [];
    const paused = await pausedTaskIds(ctx);
    const headsOf = await headsLookup(ctx.repos, ctx.directory, ctx.today);
    const chased = await chaseOverdue(ctx, book, reached, paused, headsOf);
    reached.push(...(await overdueDemands(ctx)));
    const unacked = await chaseUnacknowledged(ctx, book);
    const warned = await warnBeforeDeadline(ctx, book);
    await book.post(
      ctx,
      `每日督办提醒 · ${formatDateCn(ctx.today, ctx.today)}`,
      SECTIONS,
      '回复「签收 编号」「进展 编号 情况」「办结 编号 结果」；确有困难的，到期前申请延期或提请协调。',
    );
    const notices = await announceSteps(ctx, reached, headsOf, (t, r) => ctx.post(t, r));
    return { detail: `逾期催办 ${chased} 件，未签收 ${unacked} 件，预警 ${warned} 件，通报 ${notices} 期，暂停催办 ${paused.size} 件` };
  },
};

async function chaseOverdue(ctx: JobContext, book: ChaseBook, reached: StepReached[], paused: Set<number>, headsOf: (u: string) => string[]): Promise<number> {
  let count = 0;
  // Paged by id so that a hundred thousand overdue tasks never sit in memory at once.
  for (let after = 0, page = await nextPage(ctx, after); page.length > 0; page = await nextPage(ctx, after)) {
    after = page.at(-1)?.id ?? after;
    for (const task of page) {
      if (paused.has(task.id)) continue;
      count += (await chaseOne(ctx, task, book, reached, headsOf)) ? 1 : 0;
    }
  }
  return count;
}

const PAGE = 2000;

function nextPage(ctx: JobContext, after: number): Promise<Task[]> {
  return ctx.repos.tasks.list({ statuses: OPEN_STATUSES, deadlineBefore: ctx.today, idAfter: after, order: 'code', limit: PAGE });
}

async function chaseOne(ctx: JobContext, task: Task, book: ChaseBook, reached: StepReached[], headsOf: (u: string) => string[]): Promise<boolean> {
  if (task.lastChasedDate === ctx.today) return false;
  const n = task.chaseCount + 1;
  const at = isoShanghai(ctx.now);
  await ctx.repos.tasks.update(task.id, { chaseCount: n, lastChasedDate: ctx.today }, at);
  task.chaseCount = n;
  const overdueDays = daysBetween(task.deadline, ctx.today);
  const step = stepForChase(task, n);
  await ctx.audit('chase', { n, overdueDays, step }, { taskId: task.id });
  if (step) reached.push({ task, step, trigger: 'chase', target: originTarget(task.origin) });
  const heads = (step ?? task.ladderStep) >= 2 && !task.climbStoppedAt ? headsOf(task.leadUnitId).filter((id) => !isLeader(ctx.directory.person(id))) : [];
  const line = `${task.code} ${task.title}｜${formatDateShortCn(task.deadline)}到期，逾期 ${overdueDays} 天｜第 ${n} 次催办${await stepTail(ctx, task, step)}`;
  // A co-unit that reported its part done is neither chased nor counted for the lead's delay.
  for (const u of task.units.filter((x) => x.role === 'lead' || !x.partDoneAt)) {
    await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'overdue', chaseNo: n, chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
    book.add(originTarget(task.origin), u.responsibleId, { section: '逾期催办', line, alsoMention: u.role === 'lead' ? heads : [], sortKey: task.deadline });
  }
  return true;
}

/** What the chase line adds about the ladder: only what has happened, never a decision nobody took. */
async function stepTail(ctx: JobContext, task: Task, step: number | undefined): Promise<string> {
  if (task.accountabilityAt) return '（经省政府同意，已移交纪检监察机关）';
  if (task.climbStoppedAt) return '';
  if (step === 1) return '，予以督查室通报，记入日常考核工作台账';
  if (step === 2) return '，予以办公厅通报，请单位主要负责人作出说明并提出整改落实措施';
  const proposal = task.ladderStep >= 3 || step === 3 ? await ctx.repos.ladder.currentProposal(task.id) : undefined;
  if (step === 3) return '，列入拟移交名单，由督查室、秘书长研究';
  if (proposal?.status === 'proposed') return '（拟移交，待省政府决定）';
  if (proposal?.status === 'listed') return '（已列入拟移交名单）';
  return '';
}
