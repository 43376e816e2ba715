import type { OverdueItem, StatsRepository } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import type { Period } from '../calendar/periods.js';
import type { LocalDate } from '../time/shanghai.js';
import { addDays } from '../time/shanghai.js';

export interface UnitTally {
  unitId: string;
  assigned: number;
  ackedOnTime: number;
  /** The base of the same-day signing rate: assigned work whose signing day has come, or signed. */
  ackDue: number;
  completed: number;
  /** 按期办结: by the original deadline. */
  completedOnTime: number;
  /** 延期内办结: after the original deadline, within an approved extension. */
  completedInExtension: number;
  /** 逾期办结: after the deadline in force. */
  completedLate: number;
  /** Entries in the 日常考核工作台账 (each task once). */
  ledger: number;
  overdue: number;
  chases: number;
  coordinations: number;
  untrue: number;
  /** Tasks whose original deadline fell in the period (base for the 10% rule). */
  due: number;
}

export interface Tally {
  period: Period;
  /** Overdue means a deadline before this day: the day after a past period, or today. */
  cutoff: LocalDate;
  /** Units with any activity, best first. */
  ranked: UnitTally[];
  /** Units with nothing in the period. */
  idle: string[];
  longestOverdue: OverdueItem[];
  lateCompletions: OverdueItem[];
}

const rate = (n: number, d: number) => (d === 0 ? 1 : n / d);

/**
 * The ranking rule, stated once: fewer overdue items, fewer untrue completions, fewer chases,
 * a higher on-time completion rate, a higher same-day signing rate; ties keep directory order.
 */
export function compareUnits(a: UnitTally, b: UnitTally): number {
  return (
    a.overdue - b.overdue ||
    a.untrue - b.untrue ||
    a.chases - b.chases ||
    rate(b.completedOnTime, b.completed) - rate(a.completedOnTime, a.completed) ||
    rate(b.ackedOnTime, b.ackDue) - rate(a.ackedOnTime, a.ackDue)
  );
}

/** The overdue cutoffs of a period: a past period is judged as it stood at its end, the current one as it stands today. */
export function tallyCutoffs(period: Period, today: LocalDate): { dueBefore: LocalDate; doneBefore: LocalDate } {
  const past = period.to < today;
  const dueBefore = past ? addDays(period.to, 1) : today;
  return { dueBefore, doneBefore: past ? dueBefore : addDays(today, 1) };
}

/** Per-unit figures for a period, from a handful of grouped queries. */
export async function computeTally(stats: StatsRepository, directory: Directory, period: Period, today: LocalDate): Promise<Tally> {
  const { dueBefore: cutoff, doneBefore } = tallyCutoffs(period, today);
  const [assigned, acked, ackDue, completed, overdue, chases, coordinations, untrue, due, longest, late, ledger] = await Promise.all([
    stats.assignedByUnit(period.from, period.to),
    stats.ackedOnTimeByUnit(period.from, period.to),
    stats.ackDueByUnit(period.from, period.to, cutoff),
    stats.completedByUnit(period.from, period.to),
    stats.overdueByUnit(cutoff, doneBefore),
    stats.chasesByUnit(period.from, period.to),
    stats.coordinationsByUnit(period.from, period.to),
    stats.untrueByUnit(period.from, period.to),
    stats.dueByUnit(period.from, period.to),
    stats.overdueItems(cutoff, 5),
    stats.lateCompletions(period.from, period.to, 20),
    stats.ledgerByUnit(period.from, period.to),
  ]);
  const units: UnitTally[] = directory.allUnits().map((u) => ({
    unitId: u.id,
    assigned: assigned.get(u.id) ?? 0,
    ackedOnTime: acked.get(u.id) ?? 0,
    ackDue: ackDue.get(u.id) ?? 0,
    completed: completed.get(u.id)?.total ?? 0,
    completedOnTime: completed.get(u.id)?.onTime ?? 0,
    completedInExtension: completed.get(u.id)?.inExtension ?? 0,
    completedLate: completed.get(u.id)?.late ?? 0,
    ledger: ledger.get(u.id) ?? 0,
    overdue: overdue.get(u.id) ?? 0,
    chases: chases.get(u.id) ?? 0,
    coordinations: coordinations.get(u.id) ?? 0,
    untrue: untrue.get(u.id) ?? 0,
    due: due.get(u.id) ?? 0,
  }));
  const active = (t: UnitTally) => t.assigned + t.completed + t.overdue + t.chases + t.coordinations + t.untrue + t.due + t.ledger > 0;
  const ranked = units.filter(active);
  // A stable sort keeps directory order among equals.
  ranked.sort(compareUnits);
  return { period, cutoff, ranked, idle: units.filter((t) => !active(t)).map((t) => t.unitId), longestOverdue: longest, lateCompletions: late };
}

/** Units ranked last (sharing the bottom place), when the bottom is actually behind on something. */
export function lastRanked(tally: Tally): UnitTally[] {
  const last = tally.ranked.at(-1);
  if (!last || (last.overdue === 0 && last.untrue === 0 && last.chases === 0)) return [];
  return tally.ranked.filter((t) => compareUnits(t, last) === 0);
}

/** H3: more than 10% of the items due in the period not carried out on time owes a written explanation. */
export function overTenPercent(tally: Tally): UnitTally[] {
  return tally.ranked.filter((t) => t.due > 0 && (t.due - Math.min(t.due, t.completedOnTime)) / t.due > 0.1);
}
