import { missingYearWarning } from '../calendar/load-calendar.js';
import { computeTally, lastRanked, overTenPercent } from '../reports/tally.js';
import { tallyReply } from '../render/tally-view.js';
import { tallyExtras } from '../export/tally-extras.js';
import { localDate, splitDate } from '../time/shanghai.js';
import { assignTask } from '../domain/actions/assign.js';
import { addressPerson } from '../domain/leader-address.js';
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
    const n = await ctx.postToGroups(tallyReply(tally, 'week', ctx.directory, await tallyExtras(ctx, tally.period.to)));
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
    const n = await ctx.postToGroups(tallyReply(tally, 'month', ctx.directory, await tallyExtras(ctx, tally.period.to)));
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
    const extra: string[] = [];
    for (const t of overTenPercent(tally)) {
      extra.push(`书面说明：${ctx.directory.unitName(t.unitId)} 本季度到期 ${t.due} 件，按期办结 ${t.completedOnTime} 件，未落实超过10%，须作出书面说明。`);
    }
    const groups = await workGroups(ctx.repos.chats, ctx.settings.workGroupAllowlist);
    for (const t of lastRanked(tally)) extra.push(await rectificationTask(ctx, t.unitId, tally.period.label, groups[0]));
    const n = await ctx.postToGroups(tallyReply(tally, 'quarter', ctx.directory, { ...(await tallyExtras(ctx, tally.period.to)), extra }));
    return { detail: `${tally.period.label}，整改 ${lastRanked(tally).length} 个单位，发往 ${n} 个群` };
  },
};

/** Assigns the last-ranked unit a rectification plan due in 10 working days (限时整改). */
async function rectificationTask(ctx: JobContext, unitId: string, label: string, group?: { platform: string; chatId: string }): Promise<string> {
  const office = ctx.directory.withRole('督查室')[0];
  const responsible = ctx.directory.unitHead(unitId) ?? ctx.directory.defaultResponsible(unitId);
  if (!office || !responsible) return `排名靠后：${ctx.directory.unitName(unitId)}`;
  const deadline = ctx.calendar.addWorkingDays(ctx.today, 10);
  // The same 交办 action a command performs, with the office as the assigner.
  const { task } = await assignTask(ctx, {
    title: `针对${label}督查考核排名靠后问题提出限时整改方案并落实`,
    source: 'general', isKey: true, assignerId: office.id, deadline,
    units: [{ unitId, role: 'lead', responsibleId: responsible.id }],
    origin: { platform: group?.platform ?? 'system', chatId: group?.chatId ?? 'system', messageId: `job:${ctx.occurrence.job}:${ctx.occurrence.period}:${unitId}` },
    note: { rectification: true },
  }, { workEnd: ctx.schedule.workEnd });
  return `限时整改：${ctx.directory.unitName(unitId)} 排名靠后，已交办 ${task.code}（${addressPerson(ctx.directory, responsible.id)}，${deadline.slice(5)} 前提出整改方案），督查室跟踪落实。`;
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
