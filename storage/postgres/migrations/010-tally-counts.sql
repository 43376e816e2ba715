-- 010: SQLite migration 019 in PostgreSQL terms: per day and unit the top-level tasks chased
-- (kept by the chase, storage/chase-days-sql.ts), the 台账's first step by its own index, open
-- work by unit, and work due in a period counted from its index.
CREATE TABLE chase_days (
  chased_date text COLLATE "C" NOT NULL,
  unit_id     text COLLATE "C" NOT NULL,
  roots       integer NOT NULL,
  PRIMARY KEY (chased_date, unit_id)
);
INSERT INTO chase_days (chased_date, unit_id, roots)
  SELECT chased_date, unit_id, count(DISTINCT root_id) FROM chase_log
   WHERE kind = 'overdue' AND root_id IS NOT NULL GROUP BY chased_date, unit_id;
CREATE INDEX ladder_events_steps ON ladder_events (step, event_date, unit_id, root_id);
CREATE INDEX tasks_open_unit ON tasks (lead_unit_id, deadline, parent_id) WHERE status IN ('pending', 'active');
DROP INDEX tasks_original_deadline;
CREATE INDEX tasks_original_deadline ON tasks (original_deadline, parent_id, status, lead_unit_id);
