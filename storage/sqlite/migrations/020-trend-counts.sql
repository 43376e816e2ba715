-- 020: work assigned per day and unit, counted when it is assigned. The 8-week trend
-- (「上周各单位情况」) counted it from the tasks and their units: at a million tasks, eight
-- weeks are 60,000 top-level tasks, each looked up in task_units (0.14-0.26 s). A task's units
-- and its assignment date never change once it is created, and no task is ever deleted, so
-- the count kept by TaskRepository.create (storage/assigned-days-sql.ts) stays the same as the
-- one from the rows. Each unit of a top-level task counts, the lead and the co-operating ones.
CREATE TABLE assigned_days (
  assigned_date TEXT NOT NULL,
  unit_id       TEXT NOT NULL,
  roots         INTEGER NOT NULL,
  PRIMARY KEY (assigned_date, unit_id)
) STRICT;
INSERT INTO assigned_days (assigned_date, unit_id, roots)
  SELECT t.assigned_date, u.unit_id, count(*) FROM tasks t JOIN task_units u ON u.task_id = t.id
   WHERE t.parent_id IS NULL GROUP BY t.assigned_date, u.unit_id;
-- Open work by unit with its status, so that counting it reads the index alone (SQLite does not
-- take a partial index's WHERE as covering the column it names: every open row was read).
DROP INDEX tasks_open_unit;
CREATE INDEX tasks_open_unit ON tasks (lead_unit_id, deadline, parent_id, status) WHERE status IN ('pending', 'active');
-- Work by completion date with what the tallies count of it (late or on time, whose, a task or a
-- stage), read from the index alone: the trend's eight weeks of completions were 60,000 rows.
DROP INDEX tasks_completed_deadline;
CREATE INDEX tasks_completed_deadline ON tasks (completed_date, deadline, parent_id, status, lead_unit_id, original_deadline);
