import { missingYearWarning } from '../calendar/load-calendar.js';
import { computeTally, lastRanked } from '../reports/tally.js';
import { planForecastLines, planStandings } from '../reports/plan-rule.js';
import { openRectificationList, RECTIFY_DEFAULT_DAYS, rectifyResponsible } from '../domain/actions/rectification-list.js';
import { OPEN_STATUSES } from '../domain/task.js';
import { tallyReply } from '../render/tally-view.js';
import { tallyExtras } from '../export/tally-extras.js';
import { localDate, splitDate } from '../time/shanghai.js';
import { addressPerson } from '../domain/leader-address.js';
import { assessmentLines } from '../reports/assessment-lines.js';
import { computeAnnual } from '../reports/annual.js';
import { annualReply } from '../render/annual-view.js';
import { workGroups } from '../core/work-groups.js';
import { isFirstWorkingDayOfWeek, previousMonth, previousQuarter, quarterKey, reportedWeek, weekKey } from '../calendar/periods.js';
import type { JobContext, JobDefinition } from './job.js';

/**
 * 周通报: per unit and ranked, on the first working day after each week that had a working
 * day; a week without one is folded into the tally before it, and the heading names the dates.
 */
export const weeklyTally: JobDefinition = {
  name: 'weekly-tally',
  label: '周通报',
  kind: 'report',
  timeOn: (date, cal, s) => (isFirstWorkingDayOfWeek(date, (d) => cal.isWorkingDay(d)) ? s.reportTime : undefined),
  period: (date, cal) => weekKey(reportedWeek(date, cal).from),
  async run(ctx) {
    const tally = await computeTally(ctx.repos.stats, ctx.directory, reportedWeek(ctx.occurrence.date, ctx.calendar), ctx.today);
    const n = await ctx.postToGroups(tallyReply(tally, 'week', ctx.directory, { ...(await tallyExtras(ctx, tally.period.to)), extra: await assessmentLines(ctx.repos, ctx.directory, tally) }));
    return { detail: `${tally.period.label}，${tally.ranked.length} 个单位，发往 ${n} 个群` };
  },
};

/** 月统计 (J五(三)): last month's overdue and late items named by unit, on the first working day. */
export const monthlyStats: JobDefinition = {
  name: 'monthly-stats',
  label: '月统计',
  kind: 'report',
  timeOn: (date, cal, s) => (date === cal.firstWorkingDayOfMonth(date) ? s.reportTime : undefined),
  period: (date) => previousMonth(date).from.slice(0, 7),
  async run(ctx) {
    const tally = await computeTally(ctx.repos.stats, ctx.directory, previousMonth(ctx.occurrence.date), ctx.today);
    const n = await ctx.postToGroups(tallyReply(tally, 'month', ctx.directory, { ...(await tallyExtras(ctx, tally.period.to)), extra: await assessmentLines(ctx.repos, ctx.directory, tally) }));
    return { detail: `${tally.period.label}，发往 ${n} 个群` };
  },
};

/**
 * 季度考核 (H13): in the first working week of a quarter's first month, the previous quarter
 * ranked; units ranked last are given a time-limited rectification task that is followed up
 * like any other, and units that left more than 10% of their items undone owe a written
 * explanation (H3).
 */
export const quarterlyReview: JobDefinition = {
  name: 'quarterly-review',
  label: '季度考核',
  kind: 'report',
  timeOn(date, cal, s) {
    const [, m] = splitDate(date);
    return [1, 4, 7, 10].includes(m) && date === cal.firstWorkingDayOfMonth(date) ? s.reportTime : undefined;
  },
  period: (date) => quarterKey(previousQuarter(date)),
  async run(ctx) {
    const tally = await computeTally(ctx.repos.stats, ctx.directory, previousQuarter(ctx.occurrence.date), ctx.today);
    const [year] = splitDate(tally.period.to);
    const extra = planForecastLines(await planStandings(ctx.repos, year, tally.cutoff), year, tally.cutoff, ctx.directory);
    const groups = await workGroups(ctx.repos.chats, ctx.settings.workGroupAllowlist);
    for (const t of lastRanked(tally)) extra.push(await rectificationList(ctx, t.unitId, tally.period.label, tally.cutoff, groups[0]));
    extra.push(...(await assessmentLines(ctx.repos, ctx.directory, tally)));
    const n = await ctx.postToGroups(tallyReply(tally, 'quarter', ctx.directory, { ...(await tallyExtras(ctx, tally.period.to)), extra }));
    return { detail: `${tally.period.label}，整改 ${lastRanked(tally).length} 个单位，发往 ${n} 个群` };
  },
};

/**
 * H13: the last-ranked unit gets a 限时整改 as a 整改清单: a plan first, then each item it left
 * overdue, each followed to the end; due in 10 working days.
 */
async function rectificationList(ctx: JobContext, unitId: string, label: string, cutoff: string, group?: { platform: string; chatId: string }): Promise<string> {
  const office = ctx.directory.withRole('督查室')[0];
  const responsible = rectifyResponsible(ctx.directory, unitId);
  if (!office || !responsible) return `排名靠后：${ctx.directory.unitName(unitId)}`;
  const overdue = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, unitId, unitRole: 'lead', deadlineBefore: cutoff, topLevelOnly: true, order: 'deadline', limit: 10 });
  const deadline = ctx.calendar.addWorkingDays(ctx.today, RECTIFY_DEFAULT_DAYS);
  const { list, items } = await openRectificationList(ctx, {
    unitId,
    reason: `${label}督查考核排名靠后限时整改`,
    deadline,
    assignerId: office.id,
    kind: 'quarterly',
    items: [{ text: '针对排名靠后问题提出限时整改方案' }, ...overdue.map((t) => ({ text: `${t.code} ${t.title}（逾期未办结）整改到位` }))],
    origin: { platform: group?.platform ?? 'system', chatId: group?.chatId ?? 'system', messageId: `job:${ctx.occurrence.job}:${ctx.occurrence.period}:${unitId}` },
    workEnd: ctx.schedule.workEnd,
  });
  return `限时整改：${ctx.directory.unitName(unitId)} 排名靠后，已开具整改清单 ${list.code}（${addressPerson(ctx.directory, responsible)}，${deadline.slice(5)} 前，${items.length} 项），督查室跟踪落实。`;
}

/** From December, while next year's holiday arrangement is missing, the group is told weekly. */
export const calendarWarning: JobDefinition = {
  name: 'calendar-warning',
  label: '节假日安排提醒',
  kind: 'report',
  timeOn: (date, cal, s) => (isFirstWorkingDayOfWeek(date, (d) => cal.isWorkingDay(d)) ? s.reportTime : undefined),
  period: (date) => weekKey(date),
  async run(ctx) {
    const warning = missingYearWarning(ctx.calendar, ctx.now);
    if (!warning) return { detail: '无需提醒' };
    const admins = ctx.directory.withRole('管理员').map((p) => p.id);
    const n = await ctx.postToGroups({ tone: 'warning', title: '节假日安排待载入', mentions: admins, lines: [warning] });
    return { detail: `提醒 ${n} 个群（${localDate(ctx.now)}）` };
  },
};

/** 年终考核 (B三(一), H14): the year just ended, on the first working day of January. */
export const annualReviewJob: JobDefinition = {
  name: 'annual-review',
  label: '年终考核',
  kind: 'report',
  timeOn: (date, cal, s) => (splitDate(date)[1] === 1 && date === cal.firstWorkingDayOfMonth(date) ? s.reportTime : undefined),
  period: (date) => String(splitDate(date)[0] - 1),
  async run(ctx) {
    const year = splitDate(ctx.occurrence.date)[0] - 1;
    const review = await computeAnnual(ctx.repos, ctx.directory, year, ctx.today, ctx.settings.assessmentWeights);
    const n = await ctx.postToGroups(annualReply(review, ctx.directory, ctx.settings.assessmentWeights));
    return { detail: `${year}年，${review.units.length} 个单位，发往 ${n} 个群` };
  },
};
