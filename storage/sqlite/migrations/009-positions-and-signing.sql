-- 009: a unit's position counts once its 主要负责人 gives or confirms it (H3: 所提意见须经主要负责人签字).
-- Positions recorded before this version are taken as confirmed by whoever stated them.

ALTER TABLE coordination_parties ADD COLUMN confirmed_by TEXT;
ALTER TABLE coordination_parties ADD COLUMN confirmed_at TEXT;
UPDATE coordination_parties SET confirmed_by = stated_by, confirmed_at = stated_at WHERE stance IS NOT NULL;

-- J五(一) 当天收文: work assigned after working hours is due for 签收 by the end of the next
-- working day. NULL means the day of assignment.
ALTER TABLE tasks ADD COLUMN ack_due TEXT;
