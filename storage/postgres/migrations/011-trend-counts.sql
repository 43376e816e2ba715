-- 011: SQLite migration 020 in PostgreSQL terms: work assigned per day and unit, kept by
-- TaskRepository.create (storage/assigned-days-sql.ts), filled here from the existing ledger;
-- open work by unit and work by completion date with the columns the tallies count.
CREATE TABLE assigned_days (
  assigned_date text COLLATE "C" NOT NULL,
  unit_id       text COLLATE "C" NOT NULL,
  roots         integer NOT NULL,
  PRIMARY KEY (assigned_date, unit_id)
);
INSERT INTO assigned_days (assigned_date, unit_id, roots)
  SELECT t.assigned_date, u.unit_id, count(*) FROM tasks t JOIN task_units u ON u.task_id = t.id
   WHERE t.parent_id IS NULL GROUP BY t.assigned_date, u.unit_id;
DROP INDEX tasks_open_unit;
CREATE INDEX tasks_open_unit ON tasks (lead_unit_id, deadline, parent_id, status) WHERE status IN ('pending', 'active');
DROP INDEX tasks_completed_deadline;
CREATE INDEX tasks_completed_deadline ON tasks (completed_date, deadline, parent_id, status, lead_unit_id, original_deadline);
