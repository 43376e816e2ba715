-- 004: scheduled jobs. Each run is recorded by (job, period) in the same transaction as its
-- effects, so a restart never repeats one. Every chase is logged for the daily ledger
-- (日常考核工作台账) and the tallies.

CREATE TABLE job_runs (
  job        TEXT NOT NULL,
  period     TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
  ran_at     TEXT NOT NULL,
  scheduled  TEXT NOT NULL,
  messages   INTEGER NOT NULL DEFAULT 0,
  detail     TEXT,
  PRIMARY KEY (job, period)
) STRICT;

CREATE TABLE chase_log (
  id          INTEGER PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES tasks (id),
  unit_id     TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('overdue', 'unacked', 'warning', 'progress')),
  chase_no    INTEGER,
  chased_date TEXT NOT NULL,
  job_period  TEXT NOT NULL
) STRICT;
CREATE INDEX chase_log_date ON chase_log (chased_date, kind, unit_id);
CREATE INDEX chase_log_task ON chase_log (task_id, id);

ALTER TABLE tasks ADD COLUMN accountability_at TEXT;
ALTER TABLE tasks ADD COLUMN last_chased_date TEXT;
CREATE INDEX coordinations_opened ON coordinations (opened_at);
CREATE INDEX verifications_unit ON verifications (verified_date, result, unit_id);

-- Facts about this installation, e.g. when the scheduler first started (catch-up never
-- reaches back before it).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
