-- 023: a coordination item can end because its task was withdrawn (撤销交办), not only because the
-- parties agreed or a leader decided: close_reason 'withdrawn' says so (NULL: agreed or decided).
ALTER TABLE coordinations ADD COLUMN close_reason TEXT;
