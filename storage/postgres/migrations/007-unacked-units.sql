-- 007: the units that have not signed for their task, from a small partial index (SQLite 016):
-- the morning's 未签收 chase no longer walks every open task.
CREATE INDEX task_units_unacked ON task_units (task_id) WHERE acked_at IS NULL;
