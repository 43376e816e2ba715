import type { TrendCounts, TrendWeek, UnitCounts } from './contracts/stats.js';

/**
 * The trend's three grouped queries, shared by both backends (plain SQL; `int` is the cast a
 * backend needs for its sums to arrive as numbers; `openIndex` the hint that makes a backend read
 * open work from its covering index). Each reads its index range once for all
 * the weeks: per day for assigned and on-time (bucketed into weeks here), per week a column
 * for overdue.
 */
export function trendSql(weeks: readonly TrendWeek[], excused: string, int = '', openIndex = ''): { assigned: string; onTime: string; overdue: string } {
  const cols = (cond: string) => weeks.map((_, i) => `max(CASE WHEN ${cond} THEN 1 ELSE 0 END) AS w${i}`).join(', ');
  const sums = weeks.map((_, i) => `sum(w${i})${int} AS w${i}`).join(', ');
  return {
    assigned: `SELECT u.unit_id AS unit, t.assigned_date AS day, count(*)${int} AS n FROM tasks t JOIN task_units u ON u.task_id = t.id
               WHERE t.assigned_date BETWEEN ? AND ? AND t.parent_id IS NULL GROUP BY u.unit_id, t.assigned_date`,
    onTime: `SELECT lead_unit_id AS unit, completed_date AS day, sum(CASE WHEN completed_date <= original_deadline THEN 1 ELSE 0 END)${int} AS n
             FROM tasks WHERE completed_date BETWEEN ? AND ? AND parent_id IS NULL AND id NOT IN ${excused} GROUP BY lead_unit_id, completed_date`,
    // As overdueByUnit, per week: a root counts once per lead unit in each week it qualifies.
    overdue: `SELECT unit, ${sums} FROM (
                SELECT lead_unit_id AS unit, ${cols('deadline < ?')} FROM tasks ${openIndex}
                 WHERE status IN ('pending', 'active') AND deadline < ?
                   AND id NOT IN (SELECT task_id FROM requests WHERE status = 'pending')
                   AND coalesce(parent_id, id) NOT IN ${excused} GROUP BY lead_unit_id, coalesce(parent_id, id)
                UNION ALL
                SELECT lead_unit_id AS unit, ${cols('completed_date >= ? AND deadline < ?')} FROM tasks
                 WHERE completed_date >= ? AND deadline < ? AND status IN ('completed', 'verified')
                   AND coalesce(parent_id, id) NOT IN ${excused} GROUP BY lead_unit_id, coalesce(parent_id, id)
              ) x GROUP BY unit`,
  };
}

/** The parameters of `trendSql`, in order. */
export function trendParams(weeks: readonly TrendWeek[]): { assigned: string[]; onTime: string[]; overdue: string[] } {
  const from = weeks.reduce((m, w) => (w.from < m ? w.from : m), weeks[0]?.from ?? '');
  const to = weeks.reduce((m, w) => (w.to > m ? w.to : m), weeks[0]?.to ?? '');
  const due = weeks.reduce((m, w) => (w.dueBefore > m ? w.dueBefore : m), weeks[0]?.dueBefore ?? '');
  const done = weeks.reduce((m, w) => (w.doneBefore < m ? w.doneBefore : m), weeks[0]?.doneBefore ?? '');
  return {
    assigned: [from, to],
    onTime: [from, to],
    overdue: [...weeks.map((w) => w.dueBefore), due, ...weeks.flatMap((w) => [w.doneBefore, w.dueBefore]), done, due],
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
  return weeks.map((w, i) => {
    const o: UnitCounts = new Map();
    for (const r of overdue) {
      const n = Number(r[`w${i}`]);
      if (n > 0) o.set(String(r.unit), n);
    }
    return { assigned: byDay(assigned, w), onTime: byDay(onTime, w), overdue: o };
  });
}
