-- SQLite migration 014 in PostgreSQL terms: each chase-ledger row keeps the top-level task it
-- counts for, so the tallies count chases per unit from one narrow index (no task row read per chase).
ALTER TABLE chase_log ADD COLUMN root_id integer;
UPDATE chase_log c SET root_id = coalesce(t.parent_id, t.id) FROM tasks t WHERE t.id = c.task_id;
CREATE INDEX chase_log_tally ON chase_log (kind, chased_date, unit_id, root_id);
DROP INDEX IF EXISTS chase_log_date;
