-- 008: open work by deadline with its unit, parent, assignment date and progress (SQLite 017):
-- the counts of open work per unit can be answered from the index alone.
CREATE INDEX tasks_open_cover ON tasks (deadline, lead_unit_id, parent_id, assigned_date, progress) WHERE status IN ('pending', 'active');
