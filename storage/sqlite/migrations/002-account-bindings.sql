-- 002: platform accounts bound to directory people at run time (by an administrator or by an
-- adapter that matched a contact unambiguously). They take precedence over the directory file.
CREATE TABLE account_bindings (
  platform   TEXT NOT NULL,
  account_id TEXT NOT NULL,
  person_id  TEXT NOT NULL,
  bound_by   TEXT NOT NULL,
  bound_at   TEXT NOT NULL,
  PRIMARY KEY (platform, account_id)
) STRICT;
CREATE UNIQUE INDEX account_bindings_person ON account_bindings (platform, person_id);
