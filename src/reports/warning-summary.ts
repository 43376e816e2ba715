import type { Repositories } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import { personConsequence, UNIT_CONSEQUENCE, type EfficiencyWarning } from '../domain/assessment.js';

/** The warnings of one calendar year that count (withdrawn ones left out), by person and by unit. */
export interface YearWarnings {
  year: number;
  active: EfficiencyWarning[];
  byPerson: Map<string, EfficiencyWarning[]>;
  /** Warnings given to the unit itself. */
  byUnit: Map<string, EfficiencyWarning[]>;
}

/** Warnings are counted per calendar year (L四(五): 当年, 一年内). */
export async function yearWarnings(repos: Repositories, year: number): Promise<YearWarnings> {
  const all = await repos.warnings.inRange(`${year}-01-01`, `${year}-12-31`);
  const active = all.filter((w) => !w.withdrawnAt);
  const byPerson = new Map<string, EfficiencyWarning[]>();
  const byUnit = new Map<string, EfficiencyWarning[]>();
  for (const w of active) {
    const map = w.personId ? byPerson : byUnit;
    const key = w.personId ?? w.unitId;
    map.set(key, [...(map.get(key) ?? []), w]);
  }
  return { year, active, byPerson, byUnit };
}

/** `效能告诫：李明（省发展改革委）2 次（G-0001、G-0002），当年考核定为不称职`, for the units given (all when absent). */
export function consequenceLines(w: YearWarnings, d: Directory, unitIds?: readonly string[]): string[] {
  const inScope = (unitId: string) => !unitIds || unitIds.includes(unitId);
  const lines: string[] = [];
  for (const [unitId, list] of w.byUnit) {
    if (!inScope(unitId)) continue;
    lines.push(`效能告诫：${d.unitName(unitId)}（单位）${list.length} 次（${list.map((x) => x.code).join('、')}），${UNIT_CONSEQUENCE}`);
  }
  for (const [personId, list] of w.byPerson) {
    const unitId = list[0]?.unitId ?? '';
    if (!inScope(unitId)) continue;
    lines.push(`效能告诫：${d.personName(personId)}（${d.unitName(unitId)}）${list.length} 次（${list.map((x) => x.code).join('、')}），${personConsequence(list.length)}`);
  }
  return lines;
}
