-- 017: open work, by deadline, with what the counts of open work read (its unit, parent,
-- assignment date and progress) in a partial index of its own. The weekly tally, the 8-week
-- trend, 「上周各单位情况」 and the overdue list count or list open work per unit; through
-- (status, deadline) each of them read every open task's row (100,000 scattered rows at a
-- million tasks, 0.5-1.5 s a query). This index answers them from itself, and holds open work
-- only: it is a tenth of the table and is not written when closed work changes. The statements
-- that use it name it (INDEXED BY): without statistics SQLite's planner keeps to
-- (status, deadline).
CREATE INDEX tasks_open_cover ON tasks (deadline, lead_unit_id, parent_id, assigned_date, progress) WHERE status IN ('pending', 'active');
