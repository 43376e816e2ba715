-- 022: progress and completion reports by time, for questions such as 今天有什么新进展 and
-- 发改委本周报了哪些进展 (a range of the day or the week, never a scan of every report).
CREATE INDEX progress_reports_at ON progress_reports (at);
