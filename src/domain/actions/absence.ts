import type { ActionContext } from '../action-context.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai } from '../../time/shanghai.js';

/** 请假: records a person's absence (a 副秘书长's items pass to the substitute while it lasts). */
export async function declareAbsence(c: ActionContext, a: { personId: string; from: LocalDate; to: LocalDate; reason?: string | undefined; by: string }): Promise<void> {
  await c.repos.people.addAbsence({ personId: a.personId, from: a.from, to: a.to, reason: a.reason, declaredBy: a.by, declaredAt: isoShanghai(c.now) });
  await c.audit('absence_set', { personId: a.personId, from: a.from, to: a.to, reason: a.reason }, { subject: `person:${a.personId}` });
}

/** 销假: ends today's absence; false when there was none. */
export async function endAbsence(c: ActionContext, personId: string): Promise<boolean> {
  if ((await c.repos.people.endAbsence(personId, c.today)) === 0) return false;
  await c.audit('absence_end', { personId }, { subject: `person:${personId}` });
  return true;
}

/** 代行: someone of the unit acts for its head over a period. */
export async function appointActing(c: ActionContext, a: { unitId: string; actingId: string; from: LocalDate; to: LocalDate; by: string }): Promise<void> {
  await c.repos.people.addActing({ unitId: a.unitId, actingId: a.actingId, from: a.from, to: a.to, declaredBy: a.by, declaredAt: isoShanghai(c.now) });
  await c.audit('acting_set', { unit: a.unitId, acting: a.actingId, from: a.from, to: a.to }, { subject: `unit:${a.unitId}` });
}

/** 代行 结束: ends today's acting arrangement of the unit; false when there was none. */
export async function endActing(c: ActionContext, unitId: string): Promise<boolean> {
  if ((await c.repos.people.endActing(unitId, c.today)) === 0) return false;
  await c.audit('acting_end', { unit: unitId }, { subject: `unit:${unitId}` });
  return true;
}
