import type { Repositories } from '../../storage/repositories.js';
import type { Directory, Person } from '../directory/directory.js';
import type { LocalDate } from '../time/shanghai.js';
import { formatDateShortCn } from '../time/shanghai.js';
import type { AuthorityOptions } from './task-authority.js';

/** Whether a person is away on `date`: marked absent in the directory, or on declared leave. */
export async function absenceNote(repos: Repositories, person: Person, date: LocalDate): Promise<string | undefined> {
  if (person.absent) return `${person.name}缺位（通讯录标注）`;
  const a = await repos.people.absenceOn(person.id, date);
  return a ? `${person.name}请假至${formatDateShortCn(a.to, date)}` : undefined;
}

/**
 * 缺位递补: the person who acts for a deputy on `date`. An absent deputy is replaced by their
 * named substitute; if that one is away too, by the 秘书长. The note says why.
 */
export async function effectiveDeputy(repos: Repositories, directory: Directory, deputyId: string, date: LocalDate): Promise<{ personId: string; note?: string }> {
  const notes: string[] = [];
  let current = directory.person(deputyId);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const away = await absenceNote(repos, current, date);
    if (!away) return { personId: current.id, note: notes.length > 0 ? notes.join('；') : undefined };
    const next: Person | undefined = current.substituteId ? directory.person(current.substituteId) : undefined;
    if (next && !seen.has(next.id)) {
      notes.push(`${away}，由${next.name}递补（缺位递补）`);
      current = next;
      continue;
    }
    const secretary = directory.withRole('秘书长').find((p) => !seen.has(p.id));
    if (secretary) {
      notes.push(`${away}，由秘书长${secretary.name}递补`);
      current = secretary;
      continue;
    }
    break;
  }
  return { personId: deputyId, note: notes.length > 0 ? notes.join('；') : undefined };
}

/** Acting heads on `date`, as the authority hook the task commands consult (代行). */
export async function authorityOn(repos: Repositories, date: LocalDate): Promise<AuthorityOptions> {
  const actings = await repos.people.actingsOn(date);
  if (actings.length === 0) return {};
  const byUnit = new Map<string, string[]>();
  for (const a of actings) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.actingId]);
  return { extraActors: (unitId) => byUnit.get(unitId) ?? [] };
}

/** The unit's head and, while one is named, the acting person: who receives what the head would. */
export async function headsOf(repos: Repositories, directory: Directory, unitId: string, date: LocalDate): Promise<string[]> {
  return (await headsLookup(repos, directory, date))(unitId);
}

/** `headsOf` for many units on one day, reading the acting arrangements once. */
export async function headsLookup(repos: Repositories, directory: Directory, date: LocalDate): Promise<(unitId: string) => string[]> {
  const actings = await repos.people.actingsOn(date);
  return (unitId) => {
    const ids: string[] = [];
    const head = directory.unitHead(unitId);
    if (head) ids.push(head.id);
    for (const a of actings) if (a.unitId === unitId && !ids.includes(a.actingId)) ids.push(a.actingId);
    return ids;
  };
}
