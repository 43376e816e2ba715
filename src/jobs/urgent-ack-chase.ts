import { formatDateCn, instantAt, shortFromIso } from '../time/shanghai.js';
import { ChaseBook, originTarget } from './chase-messages.js';
import type { JobDefinition, ScheduleSettings } from './job.js';
import { CHASE_SECTIONS } from '../texts/chase.js';

/** Most chase slots in a working day (1-hour cadence over an 8-hour day). */
const MAX_SLOTS = 9;

function slotTime(s: ScheduleSettings, k: number): string | undefined {
  const [h = 0, m = 0] = s.workStart.split(':').map(Number);
  const minutes = h * 60 + m + k * s.urgentChaseHours * 60;
  const t = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return minutes < 24 * 60 && t <= s.workEnd ? t : undefined;
}

/**
 * 紧急 work is 即收即办 (J五(一)): not yet signed, it is chased every `urgentChaseHours` working
 * hours within working hours, from the time it has waited that long; one job per slot of the day.
 */
function urgentSlot(k: number): JobDefinition {
  return {
    name: `urgent-ack-chase-${k}`,
    label: `紧急事项催签收（第 ${k} 轮）`,
    kind: 'chase',
    timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? slotTime(s, k) : undefined),
    period: (date) => date,
    async run(ctx) {
      const ids = await ctx.repos.marks.urgentOpen();
      const book = new ChaseBook();
      const waitedSince = new Date(ctx.now.getTime() - ctx.schedule.urgentChaseHours * 3_600_000);
      const dayStart = instantAt(ctx.today, ctx.schedule.workStart);
      let count = 0;
      // A slot at the afternoon 催签收's minute leaves it the work due to be signed today: one
      // message and one chase per unit, not two (it marks the work 【紧急】).
      const sameAsAckChase = ctx.occurrence.time === ctx.schedule.ackChaseTime;
      for (const id of ids) {
        const task = await ctx.repos.tasks.findById(id);
        if (!task) continue;
        if (sameAsAckChase && (task.ackDue ?? task.assignedDate) === ctx.today) continue;
        // Work that came in after hours waits from the start of this working day.
        const received = new Date(Math.max(Date.parse(task.assignedAt), task.assignedDate < ctx.today ? dayStart.getTime() : 0));
        if (received > waitedSince) continue;
        for (const u of task.units.filter((x) => !x.ackedAt)) {
          await ctx.repos.chases.record({ taskId: task.id, unitId: u.unitId, personId: u.responsibleId, kind: 'unacked', chasedDate: ctx.today, jobPeriod: `${ctx.occurrence.period}#${k}` });
          book.add(originTarget(task.origin), u.responsibleId, {
            section: CHASE_SECTIONS.urgentUnsigned,
            line: `${task.code}【紧急】${task.title}｜${shortFromIso(task.assignedAt)}交办，${formatDateCn(task.deadline, ctx.today)}到期（${ctx.directory.unitName(u.unitId)}）`,
          });
          count += 1;
        }
      }
      await book.post(ctx, `紧急事项催签收 · ${ctx.occurrence.time}`, [CHASE_SECTIONS.urgentUnsigned], '紧急事项即收即办：请立即回复「签收 编号」并抓紧办理。');
      return { detail: `紧急未签收 ${count} 件` };
    },
  };
}

export const URGENT_ACK_CHASES: readonly JobDefinition[] = Array.from({ length: MAX_SLOTS }, (_, i) => urgentSlot(i + 1));
