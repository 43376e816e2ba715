import type { Directory, Person } from '../directory/directory.js';
import type { Task, TaskUnit } from './task.js';

/**
 * Who may act for a unit on a task: its responsible person and the unit's head (单位主要负责人).
 * Later rules (acting heads, substitutes) plug in through `extraActors`.
 */
export interface AuthorityOptions {
  /** Additional people allowed to act for a unit (e.g. an acting head), by unit id. */
  extraActors?: (unitId: string) => string[];
}

export function actorsForUnit(unit: TaskUnit, directory: Directory, opts: AuthorityOptions = {}): string[] {
  const ids = [unit.responsibleId];
  const head = directory.unitHead(unit.unitId);
  if (head && !ids.includes(head.id)) ids.push(head.id);
  for (const id of opts.extraActors?.(unit.unitId) ?? []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** The units on the task that `actor` may act for, lead first. */
export function unitsActorMayActFor(actor: Person, task: Task, directory: Directory, opts: AuthorityOptions = {}): TaskUnit[] {
  return task.units.filter((u) => actorsForUnit(u, directory, opts).includes(actor.id));
}

/** `省发展改革委：王芳、李明；省财政厅：钱敏、赵刚` for refusals that name who may act. */
export function describeActors(units: TaskUnit[], directory: Directory, opts: AuthorityOptions = {}): string {
  return units
    .map(
      (u) =>
        `${directory.unitName(u.unitId)}：${actorsForUnit(u, directory, opts)
          .map((id) => directory.personName(id))
          .join('、')}`,
    )
    .join('；');
}
