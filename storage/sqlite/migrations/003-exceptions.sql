-- 003: the exceptions of real follow-up work: stages, pauses, extensions, verification,
-- coordination (协调), requests (难以执行, 延期), absences (请假) and acting heads (代行).

ALTER TABLE tasks ADD COLUMN parent_id INTEGER REFERENCES tasks (id);
ALTER TABLE tasks ADD COLUMN paused_at TEXT;
ALTER TABLE tasks ADD COLUMN extension_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN verification TEXT CHECK (verification IS NULL OR verification IN ('pending', 'true', 'false'));
ALTER TABLE tasks ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tasks_parent ON tasks (parent_id);

CREATE TABLE coordinations (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  task_id          INTEGER NOT NULL REFERENCES tasks (id),
  requester_id     TEXT NOT NULL,
  requester_unit   TEXT NOT NULL,
  reason           TEXT NOT NULL,
  owner_id         TEXT NOT NULL,
  owner_note       TEXT,
  level            INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 2),
  handler_ids      TEXT NOT NULL,
  level_since      TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  opinion          TEXT,
  opinion_by       TEXT,
  opinion_at       TEXT,
  opened_at        TEXT NOT NULL,
  closed_at        TEXT,
  origin_platform  TEXT NOT NULL,
  origin_chat_id   TEXT NOT NULL
) STRICT;
CREATE INDEX coordinations_status ON coordinations (status, level_since);
CREATE INDEX coordinations_task ON coordinations (task_id);

CREATE TABLE coordination_parties (
  coordination_id INTEGER NOT NULL REFERENCES coordinations (id) ON DELETE CASCADE,
  unit_id         TEXT NOT NULL,
  stance          TEXT CHECK (stance IS NULL OR stance IN ('agree', 'disagree')),
  position        TEXT,
  stated_by       TEXT,
  stated_at       TEXT,
  PRIMARY KEY (coordination_id, unit_id)
) STRICT;

CREATE TABLE requests (
  id                INTEGER PRIMARY KEY,
  task_id           INTEGER NOT NULL REFERENCES tasks (id),
  kind              TEXT NOT NULL CHECK (kind IN ('infeasible', 'extension')),
  unit_id           TEXT NOT NULL,
  raised_by         TEXT NOT NULL,
  raised_at         TEXT NOT NULL,
  reason            TEXT NOT NULL,
  proposed_deadline TEXT,
  answer_due        TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('pending', 'answered')),
  decision          TEXT,
  decided_by        TEXT,
  decided_at        TEXT,
  note              TEXT,
  new_deadline      TEXT
) STRICT;
CREATE INDEX requests_task ON requests (task_id, status);
CREATE INDEX requests_pending ON requests (status, answer_due);

CREATE TABLE absences (
  id          INTEGER PRIMARY KEY,
  person_id   TEXT NOT NULL,
  from_date   TEXT NOT NULL,
  to_date     TEXT NOT NULL,
  reason      TEXT,
  declared_by TEXT NOT NULL,
  declared_at TEXT NOT NULL
) STRICT;
CREATE INDEX absences_person ON absences (person_id, to_date);

CREATE TABLE actings (
  id          INTEGER PRIMARY KEY,
  unit_id     TEXT NOT NULL,
  acting_id   TEXT NOT NULL,
  from_date   TEXT NOT NULL,
  to_date     TEXT NOT NULL,
  declared_by TEXT NOT NULL,
  declared_at TEXT NOT NULL
) STRICT;
CREATE INDEX actings_unit ON actings (unit_id, to_date);

CREATE TABLE verifications (
  id          INTEGER PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES tasks (id),
  unit_id     TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (reason IN ('key', 'sample', 'manual')),
  drawn_at    TEXT NOT NULL,
  result      TEXT CHECK (result IS NULL OR result IN ('true', 'false')),
  note        TEXT,
  verified_by TEXT,
  verified_at TEXT,
  verified_date TEXT
) STRICT;
CREATE INDEX verifications_task ON verifications (task_id, id);
CREATE INDEX verifications_result ON verifications (result, verified_date);
