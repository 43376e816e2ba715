-- Several instances on one database: an outbox row is leased by the instance sending it,
-- and the lease expires if that instance dies.
ALTER TABLE outbox ADD COLUMN leased_by text COLLATE "C";
ALTER TABLE outbox ADD COLUMN lease_until text COLLATE "C";
CREATE INDEX outbox_leased ON outbox (platform, target_id, lease_until) WHERE status = 'pending' AND leased_by IS NOT NULL;
