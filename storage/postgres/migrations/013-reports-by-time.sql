-- 013: SQLite migration 022 in PostgreSQL terms: reports by time.
CREATE INDEX progress_reports_at ON progress_reports (at);
