import type { Repositories } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import { overPlanShare, type PlanExplanation } from '../domain/assessment.js';
import type { LocalDate } from '../time/shanghai.js';
import { formatDateShortCn } from '../time/shanghai.js';

/**
 * H3: 年度工作计划超过10%的事项未实施的，要向上级作出书面说明. Per unit, the items of the year's
 * plan (deadline in the year, or marked 年度计划) not carried out by their deadline in force;
 * an item completed early elsewhere in the year never offsets one done late or not at all.
 */
export interface PlanStanding {
  unitId: string;
  items: number;
  missed: number;
  over: boolean;
  explanations: PlanExplanation[];
}

export async function planStandings(repos: Repositories, year: number, cutoff: LocalDate): Promise<PlanStanding[]> {
  const [figures, explanations] = await Promise.all([repos.assessment.planByUnit(year, cutoff), repos.assessment.explanations(year)]);
  return [...figures].map(([unitId, f]) => ({
    unitId,
    items: f.items,
    missed: f.missed,
    over: overPlanShare(f.items, f.missed),
    explanations: explanations.filter((e) => e.unitId === unitId),
  }));
}

const pct = (s: PlanStanding) => `${Math.round((s.missed / s.items) * 100)}%`;

/** The quarterly forecast: units already over 10% of the year's plan as of the cutoff. */
export function planForecastLines(standings: PlanStanding[], year: number, cutoff: LocalDate, d: Directory): string[] {
  return standings
    .filter((s) => s.over)
    .map((s) => `年度计划预警：${d.unitName(s.unitId)} ${year}年计划 ${s.items} 件，截至${formatDateShortCn(cutoff)}前未按期落实 ${s.missed} 件（${pct(s)}），全年超过10%的须向上级作出书面说明。`);
}

/** The year-end lines: who owes a 书面说明, and whether it was given. */
export function planExplanationLines(standings: PlanStanding[], year: number, d: Directory): string[] {
  return standings
    .filter((s) => s.over)
    .map((s) => {
      const given = s.explanations.at(-1);
      const state = given ? `已于${formatDateShortCn(given.date)}作出书面说明：${given.text}` : '尚未作出书面说明';
      return `书面说明：${d.unitName(s.unitId)} ${year}年计划 ${s.items} 件，未按期落实 ${s.missed} 件（${pct(s)}），超过10%｜${state}`;
    });
}
