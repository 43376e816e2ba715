import { OPEN_STATUSES } from '../domain/task.js';
import { headsLookup } from '../domain/people-state.js';
import { addDays, formatDateCn, formatDateShortCn } from '../time/shanghai.js';
import { ChaseBook, originTarget } from './chase-messages.js';
import type { JobDefinition } from './job.js';
import { CHASE_SECTIONS } from '../texts/chase.js';

/** Work assigned after hours before a long holiday is still found: its signing day is at most this far on. */
const LOOKBACK_DAYS = 20;

/**
 * 催签收 the same afternoon (J五(一) 当天收文、当天拟办): work whose signing day is today and
 * is not yet signed, including work assigned after hours the day before. Work still unsigned
 * one working day after its signing day reaches the unit head (or acting head) and the unit's
 * 分管负责人 (B二(五): 分管负责人负责督查事项的落实和催办).
 */
export const afternoonAckChase: JobDefinition = {
  name: 'ack-chase',
  label: '当日催签收',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.ackChaseTime : undefined),
  period: (date) => date,
  async run(ctx) {
    const book = new ChaseBook();
    const tasks = await ctx.repos.tasks.list({
      statuses: OPEN_STATUSES,
      unacknowledged: true,
      assignedFrom: addDays(ctx.today, -LOOKBACK_DAYS),
      assignedTo: ctx.today,
      order: 'code',
    });
    const heads = await headsLookup(ctx.repos, ctx.directory, ctx.today);
    const urgent = new Set(await ctx.repos.marks.urgentOpen());
    let count = 0;
    let raised = 0;
    for (const task of tasks) {
      const due = task.ackDue ?? task.assignedDate;
      const late = ctx.calendar.workingDaysBetween(due, ctx.today);
      for (const u of task.units.filter((x) => !x.ackedAt)) {
        if (due === ctx.today) {
          await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'unacked', chasedDate: ctx.today, jobPeriod: ctx.occurrence.period });
          const section = due === task.assignedDate ? '今日交办未签收' : '工作时间外交办，今日应签收';
          book.add(originTarget(task.origin), u.responsibleId, { section, line: `${task.code}${urgent.has(task.id) ? '【紧急】' : ' '}${task.title}（${ctx.directory.unitName(u.unitId)}）` });
          count += 1;
        } else if (late === 1) {
          for (const person of [...heads(u.unitId), ...ctx.directory.unitDeputies(u.unitId).map((p) => p.id)]) {
            if (person === u.responsibleId) continue;
            book.add(originTarget(task.origin), person, {
              section: CHASE_SECTIONS.unitUnsignedOverOneDay,
              line: `${task.code} ${task.title}｜${formatDateShortCn(task.assignedDate)}交办，承办人 ${ctx.directory.personName(u.responsibleId)}（${ctx.directory.unitName(u.unitId)}）`,
            });
            raised += 1;
          }
        }
      }
    }
    await book.post(
      ctx,
      `催签收 · ${formatDateCn(ctx.today, ctx.today)}`,
      ['今日交办未签收', '工作时间外交办，今日应签收', CHASE_SECTIONS.unitUnsignedOverOneDay],
      '当天收文、当天签收：请于下班前回复「签收 编号」；单位负责同志请督促承办人签收。',
    );
    return { detail: `未签收 ${count} 件，报单位负责人 ${raised} 人次` };
  },
};
