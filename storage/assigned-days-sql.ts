/**
 * assigned_days (SQLite migration 020, PostgreSQL 011): per day and unit, how many top-level
 * tasks were assigned to it, each unit of a task (lead or co-operating) once. Shared by both
 * backends. TaskRepository.create keeps it and TaskRepository.withdraw takes a withdrawn task
 * (撤销交办) out of it; nothing else changes a task's units, its assignment date or whether it is
 * a stage, and no task is deleted.
 */

/** Counts one new top-level task for one of its units: `?` its assignment date, `?` the unit. */
export const assignedDaysAdd = `INSERT INTO assigned_days (assigned_date, unit_id, roots) VALUES (?, ?, 1)
  ON CONFLICT (assigned_date, unit_id) DO UPDATE SET roots = assigned_days.roots + 1`;

/** Takes one withdrawn top-level task out of its unit's day: `?` its assignment date, `?` the unit. */
export const assignedDaysRemove = `UPDATE assigned_days SET roots = roots - 1 WHERE assigned_date = ? AND unit_id = ? AND roots > 0`;

/** Recounts the whole table from the tasks (what migration 020 does; for bulk loads that write rows directly). */
export const assignedDaysRebuild = `DELETE FROM assigned_days;
  INSERT INTO assigned_days (assigned_date, unit_id, roots)
  SELECT t.assigned_date, u.unit_id, count(*) FROM tasks t JOIN task_units u ON u.task_id = t.id
   WHERE t.parent_id IS NULL AND t.status <> 'withdrawn' GROUP BY t.assigned_date, u.unit_id`;

/** Work assigned per unit and day from `?` to `?` (the trend buckets the days into weeks). */
export const assignedByDaySql = (int = '') =>
  `SELECT unit_id AS unit, assigned_date AS day, sum(roots)${int} AS n FROM assigned_days WHERE assigned_date BETWEEN ? AND ? GROUP BY unit_id, assigned_date HAVING sum(roots) > 0`;

/** Work assigned per unit from `?` to `?`. */
export const assignedByUnitSql = (int = '') => `SELECT unit_id AS unit, sum(roots)${int} AS n FROM assigned_days WHERE assigned_date BETWEEN ? AND ? GROUP BY unit_id HAVING sum(roots) > 0`;
