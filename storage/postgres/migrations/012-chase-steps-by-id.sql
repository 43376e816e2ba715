-- 012: SQLite migration 021 in PostgreSQL terms: 通报 pages read step rows by id, and the
-- index by group is dropped.
DROP INDEX chase_steps_group;
