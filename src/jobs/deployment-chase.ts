import { deploymentDue, isDeploymentReport } from '../domain/deployment.js';
import { OPEN_STATUSES } from '../domain/task.js';
import { addDays, formatDateCn, formatDateShortCn } from '../time/shanghai.js';
import { ChaseBook, originTarget } from './chase-messages.js';
import type { JobDefinition } from './job.js';
import { CHASE_SECTIONS } from '../texts/chase.js';

/** Deployment reports are looked for this far back: far beyond the 3-day limit. */
const LOOKBACK_DAYS = 60;

/**
 * H1's second limit, chased like a deadline: a 上级文件 task owes, per unit, a report of how it
 * was deployed (布置落实) within 3 days. The day before and on the day the responsible person
 * is reminded; afterwards it is chased daily, with the unit's head and 分管负责人 (B二(五)).
 */
export const deploymentChase: JobDefinition = {
  name: 'deployment-chase',
  label: '催报部署情况',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.chaseTime : undefined),
  period: (date) => date,
  async run(ctx) {
    const book = new ChaseBook();
    const tasks = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, assignedFrom: addDays(ctx.today, -LOOKBACK_DAYS), assignedTo: ctx.today, order: 'code' });
    let count = 0;
    for (const task of tasks) {
      const due = deploymentDue(task, ctx.calendar);
      if (!due) continue;
      const left = ctx.calendar.workingDaysBetween(ctx.today, due);
      if (left > 1) continue;
      const reports = await ctx.repos.tasks.reports(task.id);
      for (const u of task.units) {
        if (reports.some((r) => r.unitId === u.unitId && isDeploymentReport(r.text))) continue;
        const when = left === 1 ? `${formatDateCn(due, ctx.today)}前` : due === ctx.today ? '今日到期' : `${formatDateShortCn(due)}到期，已逾期 ${-left} 个工作日`;
        const overdue = due < ctx.today;
        const also = overdue ? [ctx.directory.unitHead(u.unitId)?.id, ...ctx.directory.unitDeputies(u.unitId).map((p) => p.id)].filter((id): id is string => !!id && id !== u.responsibleId) : [];
        book.add(originTarget(task.origin), u.responsibleId, {
          section: overdue ? CHASE_SECTIONS.deploymentOverdue : CHASE_SECTIONS.deploymentDue,
          line: `${task.code} ${task.title}（${ctx.directory.unitName(u.unitId)}）｜布置落实 ${when}`,
          alsoMention: also,
          sortKey: due,
        });
        count += 1;
      }
    }
    await book.post(
      ctx,
      `催报部署情况 · ${formatDateCn(ctx.today, ctx.today)}`,
      [CHASE_SECTIONS.deploymentOverdue, CHASE_SECTIONS.deploymentDue],
      '上级文件、重大决策部署最多3天内布置落实（H1）：请回复「部署 编号 布置落实情况」。',
    );
    return { detail: `待报部署情况 ${count} 项` };
  },
};
