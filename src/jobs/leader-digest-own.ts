import { isLeader } from '../domain/ladder.js';
import { headsLookup } from '../domain/people-state.js';
import { OPEN_STATUSES, type Task } from '../domain/task.js';
import { addDays, daysBetween, formatDateShortCn, instantAt, isoShanghai, shortFromIso } from '../time/shanghai.js';
import type { JobContext } from './job.js';
import { CHASE_SECTIONS } from '../texts/chase.js';

/** Adds one line to a person's digest under a section. */
export type AddLine = (personId: string, section: string, line: string) => void;

/** Work assigned after hours before a long holiday: its signing day is at most this far on. */
const LOOKBACK_DAYS = 20;

/**
 * What the group chasing would otherwise @-mention a leader for, told by 专报 instead
 * (B三(三), B四(六)): work the leader is personally responsible for, unsigned work of a unit
 * the leader heads, coordination waiting on the leader (H7), and work the leader assigned that
 * was completed since the last 专报.
 */
export async function leaderOwnSections(ctx: JobContext, add: AddLine, paused: Set<number>): Promise<void> {
  const leaders = ctx.directory.allPeople().filter((p) => isLeader(p));
  const heads = await headsLookup(ctx.repos, ctx.directory, ctx.today);
  const unsigned = await ctx.repos.tasks.list({
    statuses: OPEN_STATUSES,
    unacknowledged: true,
    assignedFrom: addDays(ctx.today, -LOOKBACK_DAYS),
    assignedTo: ctx.today,
    order: 'code',
  });
  const since = isoShanghai(instantAt(ctx.calendar.subtractWorkingDays(ctx.today, 1), ctx.schedule.chaseTime));
  for (const leader of leaders) {
    for (const t of await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, responsibleId: leader.id, order: 'deadline' })) {
      const line = ownLine(ctx, t, leader.id, paused.has(t.id));
      if (line) add(leader.id, '您承办的事项', line);
    }
    for (const t of unsigned) {
      if ((t.ackDue ?? t.assignedDate) >= ctx.today) continue;
      for (const u of t.units.filter((x) => !x.ackedAt && x.responsibleId !== leader.id && heads(x.unitId).includes(leader.id))) {
        add(
          leader.id,
          CHASE_SECTIONS.unitUnsigned,
          `${t.code} ${t.title}｜${formatDateShortCn(t.assignedDate)}交办，承办人 ${ctx.directory.personName(u.responsibleId)}（${ctx.directory.unitName(u.unitId)}）`,
        );
      }
    }
    for (const t of await ctx.repos.tasks.list({ assignerId: leader.id, completedFrom: since.slice(0, 10), completedTo: ctx.today, order: 'code' })) {
      if (!t.completedAt || t.completedAt <= since || t.completedAt > isoShanghai(ctx.now)) continue;
      add(leader.id, '办结待阅', `${t.code} ${t.title}｜${ctx.directory.unitName(t.leadUnitId)} ${shortFromIso(t.completedAt)} 办结：${t.result ?? ''}`);
    }
  }
  for (const item of await ctx.repos.coordinations.unresolved()) {
    const task = await ctx.repos.tasks.findById(item.taskId);
    const about = `${item.code}（${task ? `${task.code} ${task.title}` : ''}）`;
    if (item.status === 'open') {
      for (const id of item.handlerIds.filter((x) => isLeader(ctx.directory.person(x)))) {
        const units = item.parties.map((p) => ctx.directory.unitName(p.unitId)).join('、');
        add(id, '待您协调', `${about}｜${units}｜${item.reason}｜请出具协调意见：回复「协调意见 ${item.code} 意见内容」`);
      }
    }
    // H3: a position counts once the unit's head signs it; a leader heading the unit (the 秘书长
    // for the 办公厅) is not @-mentioned in the group, so the position waiting for him is here.
    for (const p of item.parties.filter((x) => x.stance && !x.confirmedBy)) {
      const stance = `${ctx.directory.unitName(p.unitId)} ${p.stance === 'agree' ? '同意' : '不同意'}${p.position ? `：${p.position}` : ''}`;
      const by = p.statedBy ? `（${ctx.directory.personName(p.statedBy)}）` : '';
      for (const id of heads(p.unitId).filter((x) => isLeader(ctx.directory.person(x)))) {
        add(id, '待您确认表态', `${about}｜${stance}${by}｜请确认：回复「确认表态 ${item.code}」`);
      }
    }
  }
}

function ownLine(ctx: JobContext, t: Task, leaderId: string, paused: boolean): string | undefined {
  const unit = t.units.find((u) => u.responsibleId === leaderId);
  if (!unit || (unit.role === 'co' && unit.partDoneAt)) return undefined;
  if (paused) return undefined;
  if (t.deadline < ctx.today) return `${t.code} ${t.title}｜${formatDateShortCn(t.deadline)}到期，逾期 ${daysBetween(t.deadline, ctx.today)} 天｜已催办 ${t.chaseCount} 次`;
  if (!unit.ackedAt) return `${t.code} ${t.title}｜${formatDateShortCn(t.assignedDate)}交办，未签收｜${formatDateShortCn(t.deadline)}到期`;
  const left = ctx.calendar.workingDaysBetween(ctx.today, t.deadline);
  if (t.deadline === ctx.today) return `${t.code} ${t.title}｜今日到期`;
  if (ctx.schedule.warnDays.includes(left)) return `${t.code} ${t.title}｜${formatDateShortCn(t.deadline)}到期，还有 ${left} 个工作日`;
  return undefined;
}
