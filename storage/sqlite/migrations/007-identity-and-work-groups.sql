-- 007: who may act as whom, and where tallies go.
-- Accounts written in the directory file that an administrator blocked at run time (停用).
CREATE TABLE blocked_accounts (
  platform   TEXT NOT NULL,
  account_id TEXT NOT NULL,
  blocked_by TEXT NOT NULL,
  blocked_at TEXT NOT NULL,
  PRIMARY KEY (platform, account_id)
) STRICT;

-- A 绑定 to an assigning role waits here for a second administrator's 确认绑定.
CREATE TABLE pending_bindings (
  id           INTEGER PRIMARY KEY,
  platform     TEXT NOT NULL,
  account_id   TEXT NOT NULL,
  person_id    TEXT NOT NULL,
  replace      INTEGER NOT NULL DEFAULT 0,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL
) STRICT;

-- Groups an administrator registered as work groups (本群登记为工作群); only they get tallies.
ALTER TABLE chats ADD COLUMN registered_by TEXT;
ALTER TABLE chats ADD COLUMN registered_at TEXT;

-- Who split a task into stages (a stage is not assigned by the leader who assigned the task).
ALTER TABLE tasks ADD COLUMN split_by TEXT;
