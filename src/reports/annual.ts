import type { PersonFigures, Repositories } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import type { Period } from '../calendar/periods.js';
import type { LocalDate } from '../time/shanghai.js';
import { computeTally, type UnitTally } from './tally.js';
import { planStandings, type PlanStanding } from './plan-rule.js';
import { yearWarnings, type YearWarnings } from './warning-summary.js';

/** The figures a weight may be given to in the settings file (DUBAN_ASSESSMENT_WEIGHTS). */
export const WEIGHT_KEYS = ['按期办结率', '逾期', '催办', '督查室通报', '办公厅通报', '拟移交', '复核不实', '效能告诫', '整改按期率', '计划未落实率'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];

export interface AnnualUnit {
  unitId: string;
  tally: UnitTally;
  plan?: PlanStanding;
  /** Items reaching 督查室通报, 办公厅通报, 拟移交. */
  steps: [number, number, number];
  /** Warnings to the unit itself, and to its people. */
  unitWarnings: number;
  personWarnings: number;
  rectifications: { total: number; onTime: number };
  score?: number;
}

export interface AnnualReview {
  year: number;
  period: Period;
  cutoff: LocalDate;
  units: AnnualUnit[];
  people: PersonFigures[];
  warnings: YearWarnings;
  plan: PlanStanding[];
  weighted: boolean;
}

const share = (n: number, d: number) => (d === 0 ? 100 : (n / d) * 100);

function figure(u: AnnualUnit, k: WeightKey): number {
  switch (k) {
    case '按期办结率':
      return share(u.tally.completedOnTime, u.tally.completed);
    case '逾期':
      return u.tally.overdue;
    case '催办':
      return u.tally.chases;
    case '督查室通报':
      return u.steps[0];
    case '办公厅通报':
      return u.steps[1];
    case '拟移交':
      return u.steps[2];
    case '复核不实':
      return u.tally.untrue;
    case '效能告诫':
      return u.unitWarnings + u.personWarnings;
    case '整改按期率':
      return share(u.rectifications.onTime, u.rectifications.total);
    case '计划未落实率':
      return u.plan && u.plan.items > 0 ? (u.plan.missed / u.plan.items) * 100 : 0;
  }
}

/**
 * 年终考核 (B三(一), B四(六), H14): the year per unit and per person. With weights from the
 * settings file, a score ranks the units; without, the tally's ranking rule does.
 */
export async function computeAnnual(repos: Repositories, d: Directory, year: number, today: LocalDate, weights?: Record<string, number>): Promise<AnnualReview> {
  const period: Period = { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  const tally = await computeTally(repos.stats, d, period, today);
  const cutoff = tally.cutoff;
  const [plan, steps, people, warnings, lists] = await Promise.all([
    planStandings(repos, year, cutoff),
    repos.assessment.stepsByUnit(period.from, period.to),
    repos.assessment.byPerson(period.from, period.to, cutoff),
    yearWarnings(repos, year),
    repos.rectifications.opened(period.from, period.to),
  ]);
  const rect = new Map<string, { total: number; onTime: number }>();
  for (const l of lists) {
    const t = await repos.tasks.findById(l.taskId);
    const r = rect.get(l.unitId) ?? { total: 0, onTime: 0 };
    r.total += 1;
    if (t?.completedDate && t.completedDate <= t.deadline) r.onTime += 1;
    rect.set(l.unitId, r);
  }
  const personWarnings = (unitId: string) => [...warnings.byPerson.values()].filter((l) => l[0]?.unitId === unitId).reduce((n, l) => n + l.length, 0);
  const units: AnnualUnit[] = tally.ranked.map((t) => ({
    unitId: t.unitId,
    tally: t,
    plan: plan.find((p) => p.unitId === t.unitId),
    steps: steps.get(t.unitId) ?? [0, 0, 0],
    unitWarnings: warnings.byUnit.get(t.unitId)?.length ?? 0,
    personWarnings: personWarnings(t.unitId),
    rectifications: rect.get(t.unitId) ?? { total: 0, onTime: 0 },
  }));
  const weighted = !!weights && Object.keys(weights).length > 0;
  if (weighted) {
    for (const u of units) u.score = Math.round(WEIGHT_KEYS.reduce((s, k) => s + (weights?.[k] ?? 0) * figure(u, k), 0) * 10) / 10;
    // A stable sort keeps the tally's order among equal scores.
    units.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  }
  return { year, period, cutoff, units, people, warnings, plan, weighted };
}
