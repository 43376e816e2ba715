-- 019: what the tallies count at a million tasks, without a sort of every row in the period.
-- A week of chases at full size is 650,000 chase_log rows, and counting "each task with its
-- stages once a day" sorted all of them (0.3-0.5 s). chase_days keeps, per day and unit, the
-- number of top-level tasks chased: the chase adds to it in the transaction that writes the
-- ledger rows (storage/chase-days-sql.ts), counting a task only for its first row of the day.
CREATE TABLE chase_days (
  chased_date TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  roots       INTEGER NOT NULL,
  PRIMARY KEY (chased_date, unit_id)
) STRICT;
INSERT INTO chase_days (chased_date, unit_id, roots)
  SELECT chased_date, unit_id, count(DISTINCT root_id) FROM chase_log
   WHERE kind = 'overdue' AND root_id IS NOT NULL GROUP BY chased_date, unit_id;
-- The 台账's first step per unit read from an index of its own (event rows were read one by one).
CREATE INDEX ladder_events_steps ON ladder_events (step, event_date, unit_id, root_id);
-- Open work by unit: overdue counts per unit in index order, with no sort (tasks_open_cover is by deadline).
CREATE INDEX tasks_open_unit ON tasks (lead_unit_id, deadline, parent_id) WHERE status IN ('pending', 'active');
-- Work due in a period counted per unit from the index alone.
DROP INDEX tasks_original_deadline;
CREATE INDEX tasks_original_deadline ON tasks (original_deadline, parent_id, status, lead_unit_id);
