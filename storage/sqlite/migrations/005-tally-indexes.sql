-- 005: indexes the tallies need at provincial scale (a million tasks).
CREATE INDEX tasks_original_deadline ON tasks (original_deadline);
CREATE INDEX tasks_completed_deadline ON tasks (completed_date, deadline);
