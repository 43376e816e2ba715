-- 014: SQLite migration 023 in PostgreSQL terms: why a coordination item closed.
ALTER TABLE coordinations ADD COLUMN close_reason text COLLATE "C";
