-- 011: the records a 督查室 keeps beyond single tasks (考核与台账).
-- 效能告诫 (L四(五), L五(三)), 容错免责 (H14, Q三(二)), marks on tasks (紧急, 年度计划, 再督查,
-- 回头看), 整改清单 (H1, H13, Q二(一)1) and the 书面说明 owed under the 10% rule (H3).

CREATE TABLE efficiency_warnings (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  -- The person warned; NULL when the unit itself is warned.
  person_id       TEXT,
  unit_id         TEXT NOT NULL,
  warn_date       TEXT NOT NULL,
  reason          TEXT NOT NULL,
  issuer_id       TEXT NOT NULL,
  task_id         INTEGER REFERENCES tasks (id),
  rectify_task_id INTEGER REFERENCES tasks (id),
  at              TEXT NOT NULL,
  withdrawn_at    TEXT,
  withdrawn_by    TEXT,
  withdraw_reason TEXT
) STRICT;
CREATE INDEX efficiency_warnings_date ON efficiency_warnings (warn_date, unit_id);

-- 免责: the office proposes, the 秘书长 confirms or refuses.
CREATE TABLE excusals (
  id            INTEGER PRIMARY KEY,
  task_id       INTEGER NOT NULL REFERENCES tasks (id),
  reason        TEXT NOT NULL,
  proposed_by   TEXT NOT NULL,
  proposed_at   TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'refused')),
  decided_by    TEXT,
  decided_at    TEXT,
  decision_note TEXT
) STRICT;
CREATE INDEX excusals_task ON excusals (task_id, id);
CREATE INDEX excusals_status ON excusals (status);

-- Marks on a task that the task row does not carry.
CREATE TABLE task_marks (
  task_id        INTEGER PRIMARY KEY REFERENCES tasks (id),
  urgent         INTEGER NOT NULL DEFAULT 0,
  -- The year of the 年度工作计划 the task belongs to (NULL: by its deadline only).
  plan_year      INTEGER,
  follow_up_of   INTEGER REFERENCES tasks (id),
  looked_back_at TEXT
) STRICT;
CREATE INDEX task_marks_urgent ON task_marks (urgent) WHERE urgent = 1;

-- A 整改清单 is a task whose stages are its items; this row says why it was opened.
CREATE TABLE rectification_lists (
  task_id        INTEGER PRIMARY KEY REFERENCES tasks (id),
  unit_id        TEXT NOT NULL,
  reason         TEXT NOT NULL,
  origin         TEXT NOT NULL CHECK (origin IN ('manual', 'quarterly', 'warning', 'explanation')),
  source_task_id INTEGER REFERENCES tasks (id),
  opened_date    TEXT NOT NULL
) STRICT;
CREATE INDEX rectification_lists_unit ON rectification_lists (unit_id, opened_date);

-- 书面说明 under the 10% rule, per unit and plan year.
CREATE TABLE plan_explanations (
  id         INTEGER PRIMARY KEY,
  unit_id    TEXT NOT NULL,
  plan_year  INTEGER NOT NULL,
  text       TEXT NOT NULL,
  given_by   TEXT NOT NULL,
  at         TEXT NOT NULL,
  given_date TEXT NOT NULL
) STRICT;
CREATE INDEX plan_explanations_unit ON plan_explanations (plan_year, unit_id);
