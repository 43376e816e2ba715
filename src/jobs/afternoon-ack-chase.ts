import { OPEN_STATUSES } from '../domain/task.js';
import { formatDateCn } from '../time/shanghai.js';
import { ChaseBook, originTarget } from './chase-messages.js';
import type { JobDefinition } from './job.js';

/** 催签收 the same afternoon: work assigned today and not yet signed (J五(一) 当天收文、当天拟办). */
export const afternoonAckChase: JobDefinition = {
  name: 'ack-chase',
  label: '当日催签收',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.ackChaseTime : undefined),
  period: (date) => date,
  async run(ctx) {
    const book = new ChaseBook();
    const tasks = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, unacknowledged: true, assignedFrom: ctx.today, assignedTo: ctx.today, order: 'code' });
    let count = 0;
    for (const task of tasks) {
      for (const u of task.units.filter((x) => !x.ackedAt)) {
        await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'unacked', chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
        book.add(originTarget(task.origin), u.responsibleId, { section: '今日交办未签收', line: `${task.code} ${task.title}（${ctx.directory.unitName(u.unitId)}）` });
        count += 1;
      }
    }
    await book.post(ctx, `催签收 · ${formatDateCn(ctx.today, ctx.today)}`, ['今日交办未签收'], '当天收文、当天签收：请于下班前回复「签收 编号」。');
    return { detail: `未签收 ${count} 件` };
  },
};
