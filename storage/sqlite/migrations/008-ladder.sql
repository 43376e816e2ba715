-- 008: 两通报、一移交 (B五(一)) as people decide it. Each ladder step a task reaches is an
-- event (the first step is the entry in the 日常考核工作台账), numbered notices per issuer
-- and year, leaders' 整改要求 and unit heads' 说明, the 拟移交 list with the leader's
-- decision, and co-units reporting their part done.

ALTER TABLE tasks ADD COLUMN ladder_step INTEGER NOT NULL DEFAULT 0;
-- Set when the office accepts the unit's explanation (说明属实): the climb stops there.
ALTER TABLE tasks ADD COLUMN climb_stopped_at TEXT;
ALTER TABLE task_units ADD COLUMN part_done_at TEXT;
ALTER TABLE task_units ADD COLUMN part_done_text TEXT;

CREATE TABLE ladder_events (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks (id),
  -- The top-level task (a stage's parent), so that a task counts once with its stages.
  root_id    INTEGER NOT NULL,
  unit_id    TEXT NOT NULL,
  step       INTEGER NOT NULL CHECK (step BETWEEN 1 AND 3),
  trigger    TEXT NOT NULL CHECK (trigger IN ('chase', 'untrue', 'demand')),
  event_date TEXT NOT NULL,
  at         TEXT NOT NULL,
  notice     TEXT
) STRICT;
CREATE INDEX ladder_events_date ON ladder_events (event_date, unit_id);
CREATE INDEX ladder_events_task ON ladder_events (task_id, id);

CREATE TABLE ladder_notes (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks (id),
  kind       TEXT NOT NULL CHECK (kind IN ('demand', 'explanation')),
  author_id  TEXT NOT NULL,
  -- The leader a 说明 is owed to; the leader who made a 整改要求.
  leader_id  TEXT NOT NULL,
  text       TEXT NOT NULL,
  measures   TEXT,
  due        TEXT,
  at         TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('open', 'met', 'escalated', 'accepted', 'delivered')),
  note_date  TEXT NOT NULL
) STRICT;
CREATE INDEX ladder_notes_task ON ladder_notes (task_id, id);
CREATE INDEX ladder_notes_open ON ladder_notes (status, kind) WHERE status IN ('open');

CREATE TABLE handover_proposals (
  id            INTEGER PRIMARY KEY,
  task_id       INTEGER NOT NULL REFERENCES tasks (id),
  status        TEXT NOT NULL CHECK (status IN ('listed', 'proposed', 'approved', 'refused', 'withdrawn')),
  listed_at     TEXT NOT NULL,
  proposed_by   TEXT,
  proposed_at   TEXT,
  reason        TEXT,
  approver_id   TEXT,
  decided_by    TEXT,
  decided_at    TEXT,
  decision_note TEXT,
  head_id       TEXT,
  direct_id     TEXT
) STRICT;
CREATE INDEX handover_proposals_task ON handover_proposals (task_id, id);
CREATE INDEX handover_proposals_open ON handover_proposals (status) WHERE status IN ('listed', 'proposed');
