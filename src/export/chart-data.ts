import type { StatsRepository } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import { weekOf, type Period } from '../calendar/periods.js';
import { tallyCutoffs, type Tally } from '../reports/tally.js';
import { addDays, type LocalDate } from '../time/shanghai.js';
import { SERIES_COLOURS, type TrendLines, type UnitBars } from './chart-spec.js';

const short = (d: Directory, unitId: string) => d.unit(unitId)?.aliases[0] ?? d.unitName(unitId);

/** Bars per unit of a tally, in ranking order: 逾期, 按期办结, 催办. */
export function unitBars(tally: Tally, d: Directory, title: string): UnitBars {
  const units = tally.ranked;
  return {
    title,
    units: units.map((u) => short(d, u.unitId)),
    series: [
      { name: '逾期', values: units.map((u) => u.overdue), colour: SERIES_COLOURS.overdue },
      { name: '按期办结', values: units.map((u) => u.completedOnTime), colour: SERIES_COLOURS.onTime },
      { name: '催办', values: units.map((u) => u.chases), colour: SERIES_COLOURS.chases },
    ],
  };
}

/** ISO week number of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: LocalDate): { year: number; week: number } {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7) };
}

/** The week `2026年第48周` names (ISO weeks), or undefined when there is no such week. */
export function isoWeekPeriod(year: number, week: number): Period | undefined {
  if (week < 1 || week > 53) return undefined;
  const jan4 = `${year}-01-04`;
  const monday = addDays(weekOf(jan4).from, (week - 1) * 7);
  if (isoWeek(monday).year !== year) return undefined;
  return { ...weekOf(monday), label: `${year}年第${week}周` };
}

/** Totals of the last `weeks` weeks up to the one holding `last`: assigned, on-time completions, overdue at each week's end. */
export async function weeklyTrend(stats: StatsRepository, d: Directory, last: LocalDate, today: LocalDate, weeks = 8): Promise<TrendLines> {
  // One grouped read for all the weeks (not a whole tally per week); each week judged as its tally judges it.
  const periods: Period[] = [];
  for (let i = weeks - 1; i >= 0; i--) periods.push(weekOf(addDays(last, -7 * i)));
  const counts = await stats.trendByUnit(periods.map((p) => ({ from: p.from, to: p.to, ...tallyCutoffs(p, today) })));
  const units = d.allUnits().map((u) => u.id);
  const total = (m: Map<string, number>) => units.reduce((n, u) => n + (m.get(u) ?? 0), 0);
  const labels = periods.map((p) => `第${isoWeek(p.from).week}周`);
  const overdue = counts.map((c) => total(c.overdue));
  const onTime = counts.map((c) => total(c.onTime));
  const assigned = counts.map((c) => total(c.assigned));
  return {
    title: `近 ${weeks} 周督办趋势`,
    labels,
    series: [
      { name: '交办', values: assigned, colour: SERIES_COLOURS.assigned },
      { name: '按期办结', values: onTime, colour: SERIES_COLOURS.onTime },
      { name: '逾期', values: overdue, colour: SERIES_COLOURS.overdue },
    ],
  };
}
