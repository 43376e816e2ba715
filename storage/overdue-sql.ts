/**
 * Overdue work per unit at one or more cutoffs, shared by both backends (the weekly tally,
 * 「上周各单位情况」's 8-week trend, the questions). A top-level task counts once per lead unit
 * for each cutoff at which it, or one of its stages, was overdue: open with a deadline before
 * the cutoff (not waiting on a request), or completed only on or after the cutoff's day with a
 * deadline before it; work whose lapse was excused is left out.
 *
 * At a million tasks almost all of that is open top-level work, and counting it "once per task"
 * by sorting every row was the tallies' slowest step. So it is counted in parts whose sum is
 * exact. Top-level tasks are distinct by themselves: (A) the open ones per unit and deadline,
 * read in that order from an index and counted without a sort, then summed per cutoff; (A−) the
 * few of them waiting on a request or excused, subtracted; (B) the completed ones, by completion
 * date. Stages (C) count their top-level task once per unit, and not where that task itself is
 * already counted in (A) or (B) for the same unit at that cutoff.
 */
export interface Cutoff {
  dueBefore: string;
  doneBefore: string;
}

const OPEN = "status IN ('pending', 'active')";
const PENDING = "(SELECT task_id FROM requests WHERE status = 'pending')";

/** Index hints (SQLite's INDEXED BY; PostgreSQL's planner needs none): open work by unit, open work by deadline, work by completion date. */
export interface OverdueHints {
  byUnit?: string;
  byDeadline?: string;
  byCompletion?: string;
  /** The few tasks waiting or excused, looked up by id (not an index of open work). */
  byId?: string;
}

/**
 * The statement and its parameters. `excused` is the subquery of excused tasks, `int` the cast a
 * backend needs for its sums. Rows: `unit` and one column `w<i>` per cutoff.
 */
export function overdueSql(cutoffs: readonly Cutoff[], excused: string, int = '', hints: OverdueHints = {}): { sql: string; params: string[] } {
  const { byUnit = '', byDeadline = '', byCompletion = '', byId = '' } = hints;
  const cols = (f: (i: number) => string) => cutoffs.map((_, i) => `${f(i)} AS w${i}`).join(', ');
  const sql = `SELECT unit, ${cutoffs.map((_, i) => `sum(w${i})${int} AS w${i}`).join(', ')} FROM (
      SELECT unit, ${cols(() => 'sum(CASE WHEN deadline < ? THEN n ELSE 0 END)')} FROM (
        SELECT lead_unit_id AS unit, deadline, count(*) AS n
          FROM tasks ${byUnit} WHERE ${OPEN} AND deadline < ? AND parent_id IS NULL GROUP BY lead_unit_id, deadline
      ) a GROUP BY unit
      UNION ALL
      SELECT lead_unit_id AS unit, ${cols(() => '-sum(CASE WHEN deadline < ? THEN 1 ELSE 0 END)')}
        FROM tasks ${byId} WHERE id IN (SELECT task_id FROM requests WHERE status = 'pending' UNION SELECT task_id FROM excusals WHERE status = 'confirmed')
         AND ${OPEN} AND deadline < ? AND parent_id IS NULL GROUP BY lead_unit_id
      UNION ALL
      SELECT lead_unit_id AS unit, ${cols(() => 'sum(CASE WHEN deadline < ? AND completed_date >= ? THEN 1 ELSE 0 END)')}
        FROM tasks ${byCompletion} WHERE completed_date >= ? AND deadline < ? AND status IN ('completed', 'verified')
         AND parent_id IS NULL AND id NOT IN ${excused} GROUP BY lead_unit_id
      UNION ALL
      SELECT b.unit, ${cols((i) => `sum(CASE WHEN b.w${i} = 1 AND NOT (p.id IS NOT NULL AND p.deadline < ? AND (p.${OPEN} AND p.id NOT IN ${PENDING} OR p.status IN ('completed', 'verified') AND p.completed_date >= ?)) THEN 1 ELSE 0 END)`)} FROM (
        SELECT lead_unit_id AS unit, parent_id AS root,
               ${cols(() => 'max(CASE WHEN deadline < ? AND (completed_date IS NULL OR completed_date >= ?) THEN 1 ELSE 0 END)')}
          FROM (SELECT lead_unit_id, parent_id, deadline, NULL AS completed_date FROM tasks ${byDeadline}
                 WHERE ${OPEN} AND deadline < ? AND parent_id IS NOT NULL AND id NOT IN ${PENDING}
                UNION ALL
                SELECT lead_unit_id, parent_id, deadline, completed_date FROM tasks ${byCompletion}
                 WHERE completed_date >= ? AND deadline < ? AND status IN ('completed', 'verified') AND parent_id IS NOT NULL) x
         WHERE parent_id NOT IN ${excused} GROUP BY lead_unit_id, parent_id
      ) b LEFT JOIN tasks p ON p.id = b.root AND p.parent_id IS NULL AND p.lead_unit_id = b.unit
      GROUP BY b.unit
    ) z GROUP BY unit`;
  return { sql, params: overdueParams(cutoffs) };
}

/** The parameters of `overdueSql`, in order. */
export function overdueParams(cutoffs: readonly Cutoff[]): string[] {
  const maxDue = cutoffs.reduce((m, c) => (c.dueBefore > m ? c.dueBefore : m), cutoffs[0]?.dueBefore ?? '');
  const minDone = cutoffs.reduce((m, c) => (c.doneBefore < m ? c.doneBefore : m), cutoffs[0]?.doneBefore ?? '');
  const dues = cutoffs.map((c) => c.dueBefore);
  const pairs = cutoffs.flatMap((c) => [c.dueBefore, c.doneBefore]);
  return [...dues, maxDue, ...dues, maxDue, ...pairs, minDone, maxDue, ...pairs, ...pairs, maxDue, minDone, maxDue];
}

/** The rows of `overdueSql` as counts per unit, one map per cutoff (units with none left out). */
export function overdueCounts(count: number, rows: ReadonlyArray<Record<string, number | string>>): Array<Map<string, number>> {
  return Array.from({ length: count }, (_, i) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const n = Number(r[`w${i}`]);
      if (n > 0) m.set(String(r.unit), n);
    }
    return m;
  });
}
