-- 016: the units that have not signed for their task, found from a small partial index. The
-- morning's 未签收 chase asked for open tasks with such a unit through an EXISTS per open task:
-- 1.3 s in one statement on a million-task ledger, holding the bot for all of it. Unsigned
-- units are few (a unit signs within a working day), so the index stays a few hundred entries.
CREATE INDEX task_units_unacked ON task_units (task_id) WHERE acked_at IS NULL;
