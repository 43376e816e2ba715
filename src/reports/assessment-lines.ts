import type { Repositories } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import { splitDate } from '../time/shanghai.js';
import type { Tally, UnitTally } from './tally.js';
import { consequenceLines, yearWarnings } from './warning-summary.js';

/**
 * 表扬 (B四(六), J七(一): 对落实情况好的给予表扬): units with work completed in the period, all of it
 * on time, nothing overdue and no 复核不实. A unit warned that year is left out (L四(五)).
 */
export function praised(ranked: readonly UnitTally[], warnedUnits: ReadonlySet<string>): UnitTally[] {
  return ranked.filter((t) => t.completed > 0 && t.completedOnTime === t.completed && t.overdue === 0 && t.untrue === 0 && !warnedUnits.has(t.unitId));
}

/** The lines every tally adds: 予以表扬, and the year's 效能告诫 with their consequences. */
export async function assessmentLines(repos: Repositories, d: Directory, tally: Tally): Promise<string[]> {
  const [year] = splitDate(tally.period.to);
  const yw = await yearWarnings(repos, year);
  const warnedUnits = new Set(yw.byUnit.keys());
  const good = praised(tally.ranked, warnedUnits);
  return [...praiseLines(good, d), ...consequenceLines(yw, d)];
}

export function praiseLines(good: readonly UnitTally[], d: Directory): string[] {
  return good.length > 0 ? [`予以表扬：${good.map((t) => d.unit(t.unitId)?.aliases[0] ?? d.unitName(t.unitId)).join('、')}（按期办结、无逾期、无复核不实）`] : [];
}
