-- 006: fewer b-trees to update on every write. Indexes no query uses are dropped, and those
-- that only ever look for a few rows cover only those rows.
DROP INDEX tasks_completed_date;   -- covered by tasks_completed_deadline (completed_date, deadline)
DROP INDEX tasks_assigner;         -- handovers filter open tasks, found through tasks_status_deadline
DROP INDEX tasks_lead_unit;        -- unit queries go through task_units_unit
DROP INDEX tasks_parent;
CREATE INDEX tasks_parent ON tasks (parent_id) WHERE parent_id IS NOT NULL;
DROP INDEX audit_log_subject;
CREATE INDEX audit_log_subject ON audit_log (subject, id) WHERE subject IS NOT NULL;
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (platform, next_attempt_at) WHERE status = 'pending';
DROP INDEX outbox_target;
CREATE INDEX outbox_target ON outbox (platform, target_id, id) WHERE status = 'pending';
