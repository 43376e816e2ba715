import type { TrendCounts, TrendWeek, UnitCounts } from './contracts/stats.js';
import { assignedByDaySql } from './assigned-days-sql.js';
import { overdueCounts, overdueParams, overdueSql, type OverdueHints } from './overdue-sql.js';

/**
 * The trend's three grouped queries, shared by both backends (plain SQL; `int` is the cast a
 * backend needs for its sums to arrive as numbers; `hints` name the indexes SQLite must use, see
 * storage/overdue-sql.ts). Each reads its index range once for all
 * the weeks: per day for assigned (from assigned_days) and on-time (bucketed into weeks here), per week a column
 * for overdue.
 */
export function trendSql(weeks: readonly TrendWeek[], excused: string, int = '', hints: OverdueHints = {}): { assigned: string; onTime: string; overdue: string } {
  return {
    assigned: assignedByDaySql(int),
    onTime: `SELECT lead_unit_id AS unit, completed_date AS day, sum(CASE WHEN completed_date <= original_deadline THEN 1 ELSE 0 END)${int} AS n
             FROM tasks WHERE completed_date BETWEEN ? AND ? AND parent_id IS NULL AND id NOT IN ${excused} GROUP BY lead_unit_id, completed_date`,
    // As overdueByUnit, a column per week.
    overdue: overdueSql(weeks, excused, int, hints).sql,
  };
}

/** The parameters of `trendSql`, in order. */
export function trendParams(weeks: readonly TrendWeek[]): { assigned: string[]; onTime: string[]; overdue: string[] } {
  const from = weeks.reduce((m, w) => (w.from < m ? w.from : m), weeks[0]?.from ?? '');
  const to = weeks.reduce((m, w) => (w.to > m ? w.to : m), weeks[0]?.to ?? '');
  return {
    assigned: [from, to],
    onTime: [from, to],
    overdue: overdueParams(weeks),
  };
}

type DayRow = { unit: string; day: string; n: number };

/** The rows of the three queries as per-week counts per unit. */
export function trendCounts(weeks: readonly TrendWeek[], assigned: DayRow[], onTime: DayRow[], overdue: Array<Record<string, number | string>>): TrendCounts[] {
  const byDay = (rows: DayRow[], w: TrendWeek): UnitCounts => {
    const out: UnitCounts = new Map();
    for (const r of rows) if (r.day >= w.from && r.day <= w.to && r.n > 0) out.set(r.unit, (out.get(r.unit) ?? 0) + r.n);
    return out;
  };
  const o = overdueCounts(weeks.length, overdue);
  return weeks.map((w, i) => {
    return { assigned: byDay(assigned, w), onTime: byDay(onTime, w), overdue: o[i] ?? new Map() };
  });
}
