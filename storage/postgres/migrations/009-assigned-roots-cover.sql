-- 009: work by assignment date with its parent (SQLite 018): the counts of work assigned in a
-- period tell root tasks from stages in the index itself.
DROP INDEX tasks_assigned_date;
CREATE INDEX tasks_assigned_date ON tasks (assigned_date, parent_id);
