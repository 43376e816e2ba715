import type { TaskFilter } from './repositories.js';

/**
 * The WHERE clause of a task filter, in SQL both backends accept, with `?` placeholders (SQLite
 * binds them as they are; PgSql numbers them). Shared by list and count on every backend.
 */
export function whereClause(f: TaskFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.statuses && f.statuses.length > 0) {
    parts.push(`t.status IN (${f.statuses.map(() => '?').join(',')})`);
    params.push(...f.statuses);
  } else {
    // Withdrawn work (撤销交办) is listed and counted only when asked for by its status.
    parts.push("t.status <> 'withdrawn'");
  }
  if (f.unitId !== undefined) {
    const role = f.unitRole ? ' AND u.role = ?' : '';
    parts.push(`EXISTS (SELECT 1 FROM task_units u WHERE u.task_id = t.id AND u.unit_id = ?${role})`);
    params.push(f.unitId, ...(f.unitRole ? [f.unitRole] : []));
  }
  if (f.responsibleId !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM task_units u WHERE u.task_id = t.id AND u.responsible_id = ?)');
    params.push(f.responsibleId);
  }
  const range = (col: string, op: string, v: string | undefined) => {
    if (v !== undefined) {
      parts.push(`t.${col} ${op} ?`);
      params.push(v);
    }
  };
  range('deadline', '<', f.deadlineBefore);
  range('deadline', '>=', f.deadlineFrom);
  range('deadline', '<=', f.deadlineTo);
  range('assigned_date', '>=', f.assignedFrom);
  range('assigned_date', '<=', f.assignedTo);
  range('completed_date', '>=', f.completedFrom);
  range('completed_date', '<=', f.completedTo);
  if (f.unacknowledged !== undefined) {
    // The unsigned units (few) listed once from their partial index, not an EXISTS run per open task.
    parts.push(`t.id ${f.unacknowledged ? '' : 'NOT '}IN (SELECT u.task_id FROM task_units u WHERE u.acked_at IS NULL)`);
  }
  if (f.isKey !== undefined) parts.push(f.isKey ? 't.is_key = 1' : 't.is_key = 0');
  if (f.isUrgent) parts.push('t.id IN (SELECT m.task_id FROM task_marks m WHERE m.urgent = 1)');
  if (f.extended) parts.push('t.extension_count > 0');
  if (f.reopened) parts.push('t.reopen_count > 0');
  if (f.minLadderStep !== undefined) {
    parts.push('t.ladder_step >= ?');
    params.push(f.minLadderStep);
  }
  if (f.pendingRequest) {
    parts.push("t.id IN (SELECT r.task_id FROM requests r WHERE r.kind = ? AND r.status = 'pending')");
    params.push(f.pendingRequest);
  }
  if (f.source !== undefined) {
    parts.push('t.source = ?');
    params.push(f.source);
  }
  if (f.completedLate !== undefined) parts.push(f.completedLate ? 't.completed_date > t.original_deadline' : 't.completed_date <= t.original_deadline');
  if (f.topLevelOnly) parts.push('t.parent_id IS NULL');
  if (f.idAfter !== undefined) {
    parts.push('t.id > ?');
    params.push(f.idAfter);
  }
  if (f.parentId !== undefined) {
    parts.push('t.parent_id = ?');
    params.push(f.parentId);
  }
  if (f.assignerId !== undefined) {
    parts.push('t.assigner_id = ?');
    params.push(f.assignerId);
  }
  for (const scope of [f.scope, f.visibleTo]) {
    if (!scope) continue;
    const units = scope.unitIds;
    const unitTest = units.length > 0 ? `u.unit_id IN (${units.map(() => '?').join(',')}) OR ` : '';
    parts.push(`(t.assigner_id = ? OR EXISTS (SELECT 1 FROM task_units u WHERE u.task_id = t.id AND (${unitTest}u.responsible_id = ?)))`);
    params.push(scope.personId, ...units, scope.personId);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
