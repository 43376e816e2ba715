-- After an instance sends to a chat, the chat stays with that instance for a moment
-- (hold_until), so that no other instance adds sends to it inside the same sliding second:
-- Lark allows 5 messages a second per chat, counted over all instances of the app.
CREATE TABLE outbox_chat_holds (
  platform   text COLLATE "C" NOT NULL,
  target_id  text COLLATE "C" NOT NULL,
  held_by    text COLLATE "C" NOT NULL,
  hold_until text COLLATE "C" NOT NULL,
  PRIMARY KEY (platform, target_id)
);
