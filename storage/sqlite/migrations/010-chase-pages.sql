-- 010: the daily chase works in pages, each its own transaction. The run's cursor is written
-- with each page, so a crash mid-chase resumes from the last committed page and repeats
-- nothing; the run itself (job_runs) is recorded with the last page.

CREATE TABLE job_cursors (
  job        TEXT NOT NULL,
  period     TEXT NOT NULL,
  cursor     TEXT NOT NULL,
  messages   INTEGER NOT NULL DEFAULT 0,
  pages      INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (job, period)
) STRICT;

-- Steps of 两通报、一移交 reached in a run, in the order reached, waiting for their 通报.
CREATE TABLE chase_steps (
  id          INTEGER PRIMARY KEY,
  job_period  TEXT NOT NULL,
  task_id     INTEGER NOT NULL REFERENCES tasks (id),
  step        INTEGER NOT NULL,
  trigger     TEXT NOT NULL,
  platform    TEXT NOT NULL,
  chat_id     TEXT NOT NULL,
  unit_id     TEXT NOT NULL
) STRICT;
CREATE INDEX chase_steps_group ON chase_steps (job_period, platform, chat_id, unit_id, step);

-- A person's chase message is built from the ledger rows of the run addressed to them.
CREATE INDEX chase_log_person ON chase_log (person_id, job_period);
