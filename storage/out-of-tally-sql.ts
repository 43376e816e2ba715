/**
 * Tasks left out of the lapse figures and the ranking, shared by both backends: those whose
 * lapse was excused (免责 confirmed by the 秘书长), and those withdrawn (撤销交办), which nobody
 * owes. Read through indexes on excusals and on tasks (status, …), so a handful of rows.
 */
export const OUT_OF_TALLY = `(SELECT task_id FROM excusals WHERE status = 'confirmed' UNION ALL SELECT id FROM tasks WHERE status = 'withdrawn')`;
