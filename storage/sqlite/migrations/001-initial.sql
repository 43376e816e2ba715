-- 001: tasks, their units and progress, the audit trail, inbound idempotency, the outbox.
-- Instants are ISO 8601 text with +08:00; local dates are YYYY-MM-DD text.

CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE tasks (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  title             TEXT NOT NULL,
  source            TEXT NOT NULL,
  is_key            INTEGER NOT NULL DEFAULT 0,
  status            TEXT NOT NULL,
  assigner_id       TEXT NOT NULL,
  assigned_at       TEXT NOT NULL,
  assigned_date     TEXT NOT NULL,
  original_deadline TEXT NOT NULL,
  deadline          TEXT NOT NULL,
  lead_unit_id      TEXT NOT NULL,
  progress          INTEGER,
  last_progress_at  TEXT,
  completed_at      TEXT,
  completed_date    TEXT,
  result            TEXT,
  chase_count       INTEGER NOT NULL DEFAULT 0,
  origin_platform   TEXT NOT NULL,
  origin_chat_id    TEXT NOT NULL,
  origin_message_id TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX tasks_status_deadline ON tasks (status, deadline);
CREATE INDEX tasks_assigned_date ON tasks (assigned_date);
CREATE INDEX tasks_completed_date ON tasks (completed_date);
CREATE INDEX tasks_lead_unit ON tasks (lead_unit_id, status);
CREATE INDEX tasks_assigner ON tasks (assigner_id);

CREATE TABLE task_units (
  task_id        INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  unit_id        TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('lead', 'co')),
  responsible_id TEXT NOT NULL,
  acked_at       TEXT,
  acked_by       TEXT,
  PRIMARY KEY (task_id, unit_id)
) STRICT;
CREATE INDEX task_units_unit ON task_units (unit_id, task_id);
CREATE INDEX task_units_responsible ON task_units (responsible_id, task_id);

CREATE TABLE progress_reports (
  id        INTEGER PRIMARY KEY,
  task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  unit_id   TEXT NOT NULL,
  person_id TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('progress', 'result')),
  percent   INTEGER CHECK (percent IS NULL OR (percent BETWEEN 0 AND 100)),
  text      TEXT NOT NULL,
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX progress_reports_task ON progress_reports (task_id, id);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  action     TEXT NOT NULL,
  task_id    INTEGER,
  subject    TEXT,
  details    TEXT NOT NULL,
  platform   TEXT,
  chat_id    TEXT,
  message_id TEXT,
  job        TEXT
) STRICT;
CREATE INDEX audit_log_task ON audit_log (task_id, id);
CREATE INDEX audit_log_subject ON audit_log (subject, id);

CREATE TABLE inbound_messages (
  platform    TEXT NOT NULL,
  message_id  TEXT NOT NULL,
  chat_id     TEXT NOT NULL,
  received_at TEXT NOT NULL,
  outcome     TEXT NOT NULL,
  PRIMARY KEY (platform, message_id)
) STRICT;

CREATE TABLE chats (
  platform   TEXT NOT NULL,
  chat_id    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('group', 'direct')),
  title      TEXT,
  first_seen TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  PRIMARY KEY (platform, chat_id)
) STRICT;

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  platform        TEXT NOT NULL,
  target_kind     TEXT NOT NULL CHECK (target_kind IN ('chat', 'person')),
  target_id       TEXT NOT NULL,
  reply_to        TEXT,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  remote_id       TEXT,
  origin          TEXT NOT NULL
) STRICT;
CREATE INDEX outbox_pending ON outbox (status, platform, next_attempt_at);
CREATE INDEX outbox_target ON outbox (status, platform, target_id, id);
