-- 013: -- Coordination handlers move from a JSON text column (searched with LIKE) into a join table.
CREATE TABLE coordination_handlers (
  coordination_id INTEGER NOT NULL REFERENCES coordinations (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  person_id       TEXT NOT NULL,
  PRIMARY KEY (coordination_id, position)
) STRICT;
CREATE INDEX coordination_handlers_person ON coordination_handlers (person_id, coordination_id);

INSERT INTO coordination_handlers (coordination_id, position, person_id)
  SELECT c.id, CAST(j.key AS INTEGER), j.value FROM coordinations c, json_each(c.handler_ids) j;

ALTER TABLE coordinations DROP COLUMN handler_ids;
