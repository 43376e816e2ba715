import type { Directory, Person } from '../directory/directory.js';
import { SEE_ALL_ROLES } from './roles.js';
import type { Task } from './task.js';

/**
 * What part of the ledger a person may query. Undefined means everything (主要领导, 秘书长,
 * 督查室, 管理员). 分管领导 and 副秘书长 see the units they cover; everyone sees their own
 * unit's work, and the work they assigned or are responsible for.
 */
export interface Scope {
  unitIds: string[];
  personId: string;
}

export function scopeOf(person: Person): Scope | undefined {
  if (person.roles.some((r) => SEE_ALL_ROLES.includes(r))) return undefined;
  const units = new Set<string>(person.covers);
  if (person.unitId) units.add(person.unitId);
  return { unitIds: [...units], personId: person.id };
}

export function canSeeUnit(scope: Scope | undefined, unitId: string): boolean {
  return scope === undefined || scope.unitIds.includes(unitId);
}

export function canSeeTask(scope: Scope | undefined, task: Task): boolean {
  if (scope === undefined) return true;
  if (task.assignerId === scope.personId) return true;
  return task.units.some((u) => scope.unitIds.includes(u.unitId) || u.responsibleId === scope.personId);
}

/** `发改委、财政厅` for a refusal that says what the person may query. */
export function describeScope(scope: Scope, directory: Directory): string {
  return scope.unitIds.length > 0 ? scope.unitIds.map((u) => directory.unitName(u)).join('、') : '本人交办或承办的事项';
}
