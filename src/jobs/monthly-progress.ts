import { OPEN_STATUSES } from '../domain/task.js';
import { addMonths, formatDateShortCn, instantAt, isoShanghai, localDate, makeDate, splitDate } from '../time/shanghai.js';
import { ChaseBook, originTarget } from './chase-messages.js';
import type { JobDefinition } from './job.js';
import { CHASE_SECTIONS } from '../texts/chase.js';

/**
 * B四(四): work with a time limit over one month reports its progress every month. From the
 * configured day of the month, tasks running longer than a month with no report this month
 * are prompted once.
 */
export const monthlyProgress: JobDefinition = {
  name: 'monthly-progress',
  label: '月度进展提醒',
  kind: 'report',
  timeOn(date, cal, s) {
    const [y, m] = splitDate(date);
    return date === cal.onOrAfter(makeDate(y, m, Math.min(s.progressDay, 28))) ? s.chaseTime : undefined;
  },
  period: (date) => date.slice(0, 7),
  async run(ctx) {
    const monthStart = `${ctx.today.slice(0, 7)}-01`;
    const startedBefore = addMonths(ctx.today, -1);
    const tasks = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, assignedTo: startedBefore, order: 'code' });
    const book = new ChaseBook();
    let count = 0;
    const monthStartIso = isoShanghai(instantAt(monthStart));
    for (const task of tasks) {
      if (task.lastProgressAt && task.lastProgressAt >= monthStartIso) continue;
      const lead = task.units.find((u) => u.role === 'lead');
      if (!lead) continue;
      const last = task.lastProgressAt ? `上次报送 ${formatDateShortCn(localDate(new Date(task.lastProgressAt)))}` : '尚未报送过进展';
      await ctx.repos.chases.record({ taskId: task.id, unitId: lead.unitId, personId: lead.responsibleId, kind: 'progress', chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
      book.add(originTarget(task.origin), lead.responsibleId, { section: CHASE_SECTIONS.monthlyNoProgress, line: `${task.code} ${task.title}｜${formatDateShortCn(task.assignedDate)}交办，${last}` });
      count += 1;
    }
    await book.post(ctx, `月度进展提醒 · ${Number(ctx.today.slice(5, 7))}月`, [CHASE_SECTIONS.monthlyNoProgress], '办理时限超过1个月的事项，须按月报告工作进展：回复「进展 编号 情况」。');
    return { detail: `提醒 ${count} 件` };
  },
};
