-- 014: each chase-ledger row keeps the top-level task it counts for (the task itself, or the
-- task a stage belongs to), so that the tallies count chases per unit from one narrow index
-- without reading a task row per chase (a week of chases at a million tasks is ~500k rows).
ALTER TABLE chase_log ADD COLUMN root_id INTEGER;
UPDATE chase_log SET root_id = (SELECT coalesce(t.parent_id, t.id) FROM tasks t WHERE t.id = chase_log.task_id);
CREATE INDEX chase_log_tally ON chase_log (kind, chased_date, unit_id, root_id);
DROP INDEX chase_log_date;
