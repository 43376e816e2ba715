-- 021: a 通报 page reads its groups' step rows by id (the run's scan of chase_steps already
-- holds each group's ids), so the index by group is no longer read; it cost an index entry
-- for every step the chase records (100,000 on a morning at full size).
DROP INDEX chase_steps_group;
