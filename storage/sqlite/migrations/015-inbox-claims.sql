-- 015: the per-chat claim on the inbox. One instance at a time processes a chat's waiting
-- messages, in arrival order, whichever instance recorded them; the claim lapses at
-- `until` if that instance dies. With SQLite one process serves the ledger, so it always
-- holds its claims; the table keeps the same contract as on PostgreSQL.
CREATE TABLE inbox_claims (
  chat_id     TEXT PRIMARY KEY,
  instance_id TEXT NOT NULL,
  until       TEXT NOT NULL
) STRICT;

CREATE INDEX inbox_chat ON inbox (chat_id, seq);
