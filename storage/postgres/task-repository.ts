import type { Task, TaskUnit } from '../../src/domain/task.js';
import { formatTaskCode } from '../../src/domain/task.js';
import type { LocalDate } from '../../src/time/shanghai.js';
import type { NewTask, ProgressReport, TaskFilter, TaskPatch, TaskRepository } from '../repositories.js';
import type { PgSql } from './pg-sql.js';
import { assignedDaysAdd, assignedDaysRemove } from '../assigned-days-sql.js';
import { SAME_ASSIGNMENT_WINDOW } from '../contracts/tasks.js';
import { whereClause } from '../task-filter-sql.js';

import { OPT, rowToTask, rowToUnit, type TaskRow, type UnitRow } from './task-rows.js';

const PATCH_COLUMNS: ReadonlyArray<[keyof TaskPatch, string]> = [
  ['status', 'status'],
  ['deadline', 'deadline'],
  ['originalDeadline', 'original_deadline'],
  ['pausedAt', 'paused_at'],
  ['extensionCount', 'extension_count'],
  ['verification', 'verification'],
  ['reopenCount', 'reopen_count'],
  ['completedAt', 'completed_at'],
  ['completedDate', 'completed_date'],
  ['result', 'result'],
  ['assignerId', 'assigner_id'],
  ['chaseCount', 'chase_count'],
  ['accountabilityAt', 'accountability_at'],
  ['lastChasedDate', 'last_chased_date'],
  ['ackDue', 'ack_due'],
  ['ladderStep', 'ladder_step'],
  ['climbStoppedAt', 'climb_stopped_at'],
];

const ORDER: Record<NonNullable<TaskFilter['order']>, string> = {
  deadline: 't.deadline ASC, t.id ASC',
  assigned: 't.id DESC',
  code: 't.id ASC',
};

export class PgTaskRepository implements TaskRepository {
  constructor(private readonly s: PgSql) {}

  async create(input: NewTask): Promise<Task> {
    const counter = input.parent ? `stage:${input.parent.id}` : 'task';
    const n = await this.s.one<{ value: number }>(`INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`, counter);
    const code = input.parent ? `${input.parent.code}-${n!.value}` : formatTaskCode(n!.value);
    const lead = input.units.find((u) => u.role === 'lead');
    if (!lead) throw new Error('a task needs a lead unit');
    const row = await this.s.one<{ id: number }>(
      `INSERT INTO tasks (code, title, source, is_key, status, assigner_id, assigned_at, assigned_date,
         original_deadline, deadline, lead_unit_id, origin_platform, origin_chat_id, origin_message_id, updated_at, parent_id, split_by)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      code,
      input.title,
      input.source,
      input.isKey ? 1 : 0,
      input.assignerId,
      input.assignedAt,
      input.assignedDate,
      input.deadline,
      input.deadline,
      lead.unitId,
      input.origin.platform,
      input.origin.chatId,
      input.origin.messageId,
      input.assignedAt,
      input.parent?.id ?? null,
      input.splitBy ?? null,
    );
    const taskId = row!.id;
    const ordered = [...input.units].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
    for (const u of ordered) {
      await this.s.run('INSERT INTO task_units (task_id, unit_id, role, responsible_id) VALUES (?, ?, ?, ?)', taskId, u.unitId, u.role, u.responsibleId);
    }
    if (!input.parent) for (const u of ordered) await this.s.run(assignedDaysAdd, input.assignedDate, u.unitId);
    return {
      id: taskId,
      code,
      title: input.title,
      source: input.source,
      isKey: input.isKey,
      status: 'pending',
      assignerId: input.assignerId,
      assignedAt: input.assignedAt,
      assignedDate: input.assignedDate,
      originalDeadline: input.deadline,
      deadline: input.deadline,
      leadUnitId: lead.unitId,
      units: ordered.map((u) => ({ unitId: u.unitId, role: u.role, responsibleId: u.responsibleId })),
      chaseCount: 0,
      origin: input.origin,
      updatedAt: input.assignedAt,
      parentId: input.parent?.id,
      splitBy: input.splitBy,
      extensionCount: 0,
      reopenCount: 0,
      ladderStep: 0,
    };
  }

  async findByCode(code: string): Promise<Task | undefined> {
    const row = await this.s.one<TaskRow>('SELECT * FROM tasks WHERE code = ?', code);
    return row ? (await this.withUnits([row]))[0] : undefined;
  }

  async sameAssignment(q: { assignerId: string; title: string; leadUnitId: string; deadline: string; assignedDate: string }): Promise<string | undefined> {
    const row = await this.s.one<{ code: string }>(
      'SELECT code FROM tasks WHERE id > (SELECT max(id) FROM tasks) - ' +
        SAME_ASSIGNMENT_WINDOW +
        ' AND assigned_date = ? AND parent_id IS NULL AND assigner_id = ? AND title = ? AND lead_unit_id = ? AND deadline = ? ORDER BY id LIMIT 1',
      q.assignedDate,
      q.assignerId,
      q.title,
      q.leadUnitId,
      q.deadline,
    );
    return row?.code;
  }

  async findById(id: number): Promise<Task | undefined> {
    const row = await this.s.one<TaskRow>('SELECT * FROM tasks WHERE id = ?', id);
    return row ? (await this.withUnits([row]))[0] : undefined;
  }

  async findByIds(ids: readonly number[]): Promise<Task[]> {
    if (ids.length === 0) return [];
    return this.withUnits(await this.s.all<TaskRow>('SELECT * FROM tasks WHERE id = ANY(?::int[]) ORDER BY id', [...ids]));
  }

  async list(filter: TaskFilter): Promise<Task[]> {
    const { sql, params } = whereClause(filter);
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const rows = await this.s.all<TaskRow>(`SELECT t.* FROM tasks t ${sql} ORDER BY ${ORDER[filter.order ?? 'deadline']}${limit}`, ...params);
    return this.withUnits(rows);
  }

  async count(filter: TaskFilter): Promise<number> {
    const { sql, params } = whereClause(filter);
    return (await this.s.one<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t ${sql}`, ...params))?.n ?? 0;
  }

  async acknowledge(taskId: number, unitId: string, personId: string, at: string): Promise<void> {
    await this.s.run('UPDATE task_units SET acked_at = ?, acked_by = ? WHERE task_id = ? AND unit_id = ? AND acked_at IS NULL', at, personId, taskId, unitId);
    await this.s.run(`UPDATE tasks SET updated_at = ?, status = CASE WHEN status = 'pending' AND lead_unit_id = ? THEN 'active' ELSE status END WHERE id = ?`, at, unitId, taskId);
  }

  async addReport(r: { taskId: number; unitId: string; personId: string; kind: 'progress' | 'result'; percent?: number; text: string; at: string }): Promise<void> {
    await this.s.run(
      'INSERT INTO progress_reports (task_id, unit_id, person_id, kind, percent, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      r.taskId,
      r.unitId,
      r.personId,
      r.kind,
      r.percent ?? null,
      r.text,
      r.at,
    );
    await this.s.run(
      `UPDATE tasks SET last_progress_at = ?, updated_at = ?,
         progress = CASE WHEN ?::int IS NOT NULL AND lead_unit_id = ? THEN ?::int ELSE progress END WHERE id = ?`,
      r.at,
      r.at,
      r.percent ?? null,
      r.unitId,
      r.percent ?? null,
      r.taskId,
    );
  }

  async reports(taskId: number): Promise<ProgressReport[]> {
    const rows = await this.s.all<{ unit_id: string; person_id: string; kind: 'progress' | 'result'; percent: number | null; text: string; at: string }>(
      'SELECT unit_id, person_id, kind, percent, text, at FROM progress_reports WHERE task_id = ? ORDER BY id',
      taskId,
    );
    return rows.map((r) => ({ unitId: r.unit_id, personId: r.person_id, kind: r.kind, percent: OPT(r.percent), text: r.text, at: r.at }));
  }

  async reportsBetween(from: string, to: string, limit: number): Promise<Array<ProgressReport & { taskId: number }>> {
    const rows = await this.s.all<{ task_id: number; unit_id: string; person_id: string; kind: 'progress' | 'result'; percent: number | null; text: string; at: string }>(
      'SELECT task_id, unit_id, person_id, kind, percent, text, at FROM progress_reports WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT ?',
      from,
      to,
      Math.max(0, Math.floor(limit)),
    );
    return rows.reverse().map((r) => ({ taskId: r.task_id, unitId: r.unit_id, personId: r.person_id, kind: r.kind, percent: OPT(r.percent), text: r.text, at: r.at }));
  }

  async complete(taskId: number, result: string, at: string, date: LocalDate): Promise<void> {
    await this.s.run(`UPDATE tasks SET status = 'completed', result = ?, completed_at = ?, completed_date = ?, progress = 100, updated_at = ? WHERE id = ?`, result, at, date, at, taskId);
  }

  async update(taskId: number, patch: TaskPatch, at: string): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [key, column] of PATCH_COLUMNS) {
      const value = patch[key];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(value);
    }
    if (sets.length === 0) return;
    await this.s.run(`UPDATE tasks SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`, ...params, at, taskId);
  }

  async stages(parentId: number): Promise<Task[]> {
    return this.list({ parentId, order: 'code' });
  }

  async withdraw(taskId: number, at: string): Promise<void> {
    const row = await this.s.one<{ parent_id: number | null; assigned_date: string }>(
      "UPDATE tasks SET status = 'withdrawn', updated_at = ? WHERE id = ? AND status <> 'withdrawn' RETURNING parent_id, assigned_date",
      at,
      taskId,
    );
    if (!row || row.parent_id !== null) return;
    for (const u of await this.s.all<{ unit_id: string }>('SELECT unit_id FROM task_units WHERE task_id = ?', taskId)) await this.s.run(assignedDaysRemove, row.assigned_date, u.unit_id);
  }

  async markPartDone(taskId: number, unitId: string, text: string, at: string): Promise<void> {
    await this.s.run('UPDATE task_units SET part_done_at = ?, part_done_text = ? WHERE task_id = ? AND unit_id = ?', at, text, taskId, unitId);
    await this.s.run('UPDATE tasks SET updated_at = ? WHERE id = ?', at, taskId);
  }

  async transferResponsible(from: string, to: string, at: string, taskId?: number): Promise<number[]> {
    const rows = await this.s.all<{ id: number }>(
      `SELECT DISTINCT u.task_id AS id FROM task_units u JOIN tasks t ON t.id = u.task_id
       WHERE u.responsible_id = ? AND t.status IN ('pending', 'active', 'paused') AND (?::int IS NULL OR t.id = ?::int) ORDER BY 1`,
      from,
      taskId ?? null,
      taskId ?? null,
    );
    const ids = rows.map((r) => r.id);
    for (const id of ids) {
      await this.s.run('UPDATE task_units SET responsible_id = ? WHERE task_id = ? AND responsible_id = ?', to, id, from);
      await this.s.run('UPDATE tasks SET updated_at = ? WHERE id = ?', at, id);
    }
    return ids;
  }

  /** Loads the units of many tasks in one query. */
  private async withUnits(rows: TaskRow[]): Promise<Task[]> {
    if (rows.length === 0) return [];
    const units = await this.s.all<UnitRow>(
      `SELECT * FROM task_units WHERE task_id = ANY(?::int[]) ORDER BY task_id, CASE role WHEN 'lead' THEN 0 ELSE 1 END, seq`,
      rows.map((r) => r.id),
    );
    const byTask = new Map<number, TaskUnit[]>();
    for (const u of units) {
      const list = byTask.get(u.task_id) ?? [];
      list.push(rowToUnit(u));
      byTask.set(u.task_id, list);
    }
    return rows.map((r) => rowToTask(r, byTask.get(r.id) ?? []));
  }
}
