/**
 * chase_days (SQLite migration 019, PostgreSQL 010): per day and unit, how many top-level tasks
 * were chased for being overdue, a task with its stages once. Shared by both backends.
 */

/**
 * Adds the overdue chase_log rows written after id `?` (the first parameter; ChaseRepository.lastId before writing them) to chase_days. A
 * (day, unit, task) already in the ledger at or before that id (the second parameter, the same
 * value) was counted then: a stage chased on a later page than its task counts nothing more.
 * Runs in the transaction that wrote the rows. `byId` is SQLite's hint (NOT INDEXED) that reads
 * the new rows by id: through the (kind, …) index it read every overdue row of the ledger, on
 * every page (a morning at full size took 1.5–1.8× as long).
 */
export const chaseDaysAdd = (byId = '') => `INSERT INTO chase_days (chased_date, unit_id, roots)
  SELECT c.chased_date, c.unit_id, count(DISTINCT c.root_id) FROM chase_log c ${byId}
   WHERE c.id > ? AND c.kind = 'overdue' AND c.root_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM chase_log o WHERE o.kind = 'overdue' AND o.chased_date = c.chased_date
                       AND o.unit_id = c.unit_id AND o.root_id = c.root_id AND o.id <= ?)
   GROUP BY c.chased_date, c.unit_id
  ON CONFLICT (chased_date, unit_id) DO UPDATE SET roots = chase_days.roots + excluded.roots`;

/**
 * Chases per unit in a period (`?`, `?`, then `?`, `?` again): chase_days summed, less the
 * chases of excused (and withdrawn) tasks, which are few and read from the ledger by task (`byTask`: the hint
 * that makes SQLite do so rather than read the period's whole ledger).
 */
export function chasesSql(excused: string, int = '', byTask = ''): string {
  return `SELECT unit, sum(n)${int} AS n FROM (
      SELECT unit_id AS unit, sum(roots) AS n FROM chase_days WHERE chased_date BETWEEN ? AND ? GROUP BY unit_id
      UNION ALL
      SELECT unit_id AS unit, -count(*) AS n FROM (
        SELECT DISTINCT c.unit_id, c.root_id, c.chased_date FROM chase_log c ${byTask}
         WHERE c.task_id IN (SELECT x.task_id FROM ${excused} x UNION SELECT t.id FROM tasks t WHERE t.parent_id IN ${excused})
           AND c.kind = 'overdue' AND c.chased_date BETWEEN ? AND ? AND c.root_id IN ${excused}
      ) e GROUP BY unit_id
    ) x GROUP BY unit HAVING sum(n) > 0`;
}
