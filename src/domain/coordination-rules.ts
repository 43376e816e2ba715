import type { Repositories } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Directory } from '../directory/directory.js';
import type { LocalDate } from '../time/shanghai.js';
import type { Coordination, CoordinationLevel } from './coordination.js';
import type { Task } from './task.js';
import { effectiveDeputy } from './people-state.js';

/**
 * The units a coordination request involves: the requesting unit, every unit named in the
 * reason, and, when the reason names none, the task's other units.
 */
export function involvedUnits(reason: string, requesterUnit: string, task: Task, directory: Directory): string[] {
  const named = new Set<string>();
  for (const u of directory.allUnits()) {
    if ([u.name, ...u.aliases].some((n) => n.length >= 2 && reason.includes(n))) named.add(u.id);
  }
  named.delete(requesterUnit);
  const others = named.size > 0 ? [...named] : task.units.map((u) => u.unitId).filter((u) => u !== requesterUnit);
  return [requesterUnit, ...others];
}

/**
 * H8: a matter involving several units goes to the 副秘书长 who covers them: the one covering
 * most of them (ties go to whoever covers the lead unit). 缺位递补 applies on the day. Other
 * deputies covering a unit are drawn in (会同) but the first one asked owns it (首问负责).
 */
export async function routeCoordination(
  repos: Repositories,
  directory: Directory,
  units: string[],
  leadUnit: string,
  date: LocalDate,
): Promise<{ ownerId: string; note?: string; alsoInvolved: string[] }> {
  const deputies = directory.withRole('副秘书长');
  const score = (id: string) => {
    const d = directory.person(id);
    return d ? units.filter((u) => d.covers.includes(u)).length * 2 + (d.covers.includes(leadUnit) ? 1 : 0) : 0;
  };
  const ranked = deputies.filter((d) => score(d.id) > 0).sort((a, b) => score(b.id) - score(a.id));
  const first = ranked[0];
  if (!first) {
    const fallback = directory.withRole('秘书长')[0] ?? directory.withRole('督查室')[0];
    if (!fallback) throw new Error('directory has no 秘书长 or 督查室');
    return { ownerId: fallback.id, note: '涉及单位无联系副秘书长，由秘书长协调', alsoInvolved: [] };
  }
  const eff = await effectiveDeputy(repos, directory, first.id, date);
  const alsoInvolved = ranked
    .slice(1)
    .map((d) => d.id)
    .filter((id) => id !== eff.personId);
  return { ownerId: eff.personId, note: eff.note, alsoInvolved };
}

/** Who must answer at a level: the owner (or who stands in for them), the 分管领导 of the units, the 主要领导. */
export async function handlersAt(
  level: CoordinationLevel,
  item: Pick<Coordination, 'ownerId' | 'parties'>,
  repos: Repositories,
  directory: Directory,
  date: LocalDate,
): Promise<{ ids: string[]; note?: string }> {
  if (level === 0) {
    const eff = await effectiveDeputy(repos, directory, item.ownerId, date);
    return { ids: [eff.personId], note: eff.note };
  }
  if (level === 1) {
    const ids = new Set<string>();
    for (const p of item.parties) for (const l of directory.coveringUnit('分管领导', p.unitId)) ids.add(l.id);
    if (ids.size > 0) return { ids: [...ids] };
  }
  return { ids: directory.withRole('主要领导').map((p) => p.id) };
}

/** Whether `personId` may give the opinion now: the current handlers, or anyone higher on the ladder. */
export async function mayAnswer(personId: string, item: Coordination, repos: Repositories, directory: Directory, date: LocalDate): Promise<boolean> {
  const levels: CoordinationLevel[] = [0, 1, 2];
  for (const level of levels.filter((l) => l >= item.level)) {
    const { ids } = await handlersAt(level, item, repos, directory, date);
    if (ids.includes(personId) || (level === item.level && item.handlerIds.includes(personId))) return true;
  }
  return false;
}

export type CoordinationStep = { kind: 'none' } | { kind: 'wait'; workingDaysLeft: number } | { kind: 'escalate'; to: CoordinationLevel } | { kind: 'overdue_at_top'; workingDaysLate: number };

/**
 * H7's ladder on silence: an item still waiting for an opinion after `answerDays` working
 * days with the 副秘书长 goes up to the 分管领导. It climbs no further on its own: whether
 * the 主要领导 is needed is the 分管领导's judgement (协调不了或者事项复杂的, sent as 升级),
 * so from the 分管领导 on it is reported overdue where it is.
 */
export function nextCoordinationStep(item: Coordination, today: LocalDate, calendar: WorkCalendar, answerDays: number): CoordinationStep {
  if (item.status !== 'open') return { kind: 'none' };
  const elapsed = calendar.workingDaysBetween(item.levelSince, today);
  if (elapsed < answerDays) return { kind: 'wait', workingDaysLeft: answerDays - elapsed };
  if (item.level === 0) return { kind: 'escalate', to: 1 };
  return { kind: 'overdue_at_top', workingDaysLate: elapsed - answerDays };
}

/**
 * Who may state a party unit's position: its actors on the task when it is on the task,
 * otherwise the unit's head, its acting person and its default handler.
 */
export function partyActors(unitId: string, task: Task, directory: Directory, extraActors?: (unitId: string) => string[]): string[] {
  const onTask = task.units.find((u) => u.unitId === unitId);
  const ids = new Set<string>();
  if (onTask) ids.add(onTask.responsibleId);
  const head = directory.unitHead(unitId);
  if (head) ids.add(head.id);
  if (!onTask) {
    const handler = directory.defaultResponsible(unitId);
    if (handler) ids.add(handler.id);
  }
  for (const id of extraActors?.(unitId) ?? []) ids.add(id);
  return [...ids];
}
