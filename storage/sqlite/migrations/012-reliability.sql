-- 012: the durable inbox (events recorded before the platform is acknowledged) and the
-- lease that keeps one bot process per ledger.

-- An inbound event waiting to be processed. The row is deleted once the front door has
-- committed its effect (inbound_messages keeps the id for good); AUTOINCREMENT keeps the
-- sequence growing across deletes, so the last-commit marker can compare against it.
CREATE TABLE inbox (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  platform    TEXT NOT NULL,
  message_id  TEXT NOT NULL,
  chat_id     TEXT NOT NULL,
  payload     TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (platform, message_id)
) STRICT;

-- The one bot process that serves this ledger, while its heartbeat is fresh.
CREATE TABLE lease (
  name         TEXT PRIMARY KEY,
  instance_id  TEXT NOT NULL,
  pid          INTEGER NOT NULL,
  host         TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  -- The holder's last health report (platform connections), for `npm start -- --health`.
  status       TEXT NOT NULL DEFAULT '{}'
) STRICT;
