-- SQLite migration 015 in PostgreSQL terms: the per-chat claim on the inbox. One instance
-- at a time processes a chat's waiting messages, in arrival order, whichever instance
-- recorded them; the claim lapses at `until` if that instance dies.
CREATE TABLE inbox_claims (
  chat_id     text COLLATE "C" PRIMARY KEY,
  instance_id text COLLATE "C" NOT NULL,
  until       text COLLATE "C" NOT NULL
);

CREATE INDEX inbox_chat ON inbox (chat_id, seq);
