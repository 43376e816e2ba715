import { whereClause } from '../task-filter-sql.js';
import type { Task, TaskUnit } from '../../src/domain/task.js';
import { formatTaskCode } from '../../src/domain/task.js';
import type { LocalDate } from '../../src/time/shanghai.js';
import type { NewTask, ProgressReport, TaskFilter, TaskPatch, TaskRepository } from '../repositories.js';
import type { Statements } from './statements.js';

import { assignedDaysAdd, assignedDaysRemove } from '../assigned-days-sql.js';
import { SAME_ASSIGNMENT_WINDOW } from '../contracts/tasks.js';
import { reportOf, rowToTask, rowToUnit, type ReportRow, type TaskRow, type UnitRow } from './task-rows.js';

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

export class SqliteTaskRepository implements TaskRepository {
  constructor(private readonly s: Statements) {}

  async create(input: NewTask): Promise<Task> {
    const counter = input.parent ? `stage:${input.parent.id}` : 'task';
    const n = this.s
      .get(`INSERT INTO counters (name, value) VALUES (?, 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`)
      .get(counter) as { value: number };
    const code = input.parent ? `${input.parent.code}-${n.value}` : formatTaskCode(n.value);
    const lead = input.units.find((u) => u.role === 'lead');
    if (!lead) throw new Error('a task needs a lead unit');
    const info = this.s
      .get(`INSERT INTO tasks (code, title, source, is_key, status, assigner_id, assigned_at, assigned_date,
              original_deadline, deadline, lead_unit_id, origin_platform, origin_chat_id, origin_message_id, updated_at, parent_id, split_by)
            VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
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
    const taskId = Number(info.lastInsertRowid);
    const insertUnit = this.s.get('INSERT INTO task_units (task_id, unit_id, role, responsible_id) VALUES (?, ?, ?, ?)');
    const ordered = [...input.units].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
    for (const u of ordered) insertUnit.run(taskId, u.unitId, u.role, u.responsibleId);
    if (!input.parent) {
      const count = this.s.get(assignedDaysAdd);
      for (const u of ordered) count.run(input.assignedDate, u.unitId);
    }
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
    const row = this.s.get('SELECT * FROM tasks WHERE code = ?').get(code) as TaskRow | undefined;
    return row ? this.withUnits([row])[0] : undefined;
  }

  async sameAssignment(q: { assignerId: string; title: string; leadUnitId: string; deadline: string; assignedDate: string }): Promise<string | undefined> {
    const row = this.s
      .get(
        'SELECT code FROM tasks WHERE id > (SELECT max(id) FROM tasks) - ' +
          SAME_ASSIGNMENT_WINDOW +
          ' AND assigned_date = ? AND parent_id IS NULL AND assigner_id = ? AND title = ? AND lead_unit_id = ? AND deadline = ? ORDER BY id LIMIT 1',
      )
      .get(q.assignedDate, q.assignerId, q.title, q.leadUnitId, q.deadline) as { code: string } | undefined;
    return row?.code;
  }

  async findById(id: number): Promise<Task | undefined> {
    const row = this.s.get('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row ? this.withUnits([row])[0] : undefined;
  }

  async findByIds(ids: readonly number[]): Promise<Task[]> {
    const rows: TaskRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      rows.push(...(this.s.get(`SELECT * FROM tasks WHERE id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`).all(...chunk) as TaskRow[]));
    }
    return this.withUnits(rows);
  }

  async list(filter: TaskFilter): Promise<Task[]> {
    const { sql, params } = whereClause(filter);
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const rows = this.s.get(`SELECT t.* FROM tasks t ${sql} ORDER BY ${ORDER[filter.order ?? 'deadline']}${limit}`).all(...params) as TaskRow[];
    return this.withUnits(rows);
  }

  async count(filter: TaskFilter): Promise<number> {
    const { sql, params } = whereClause(filter);
    return (this.s.get(`SELECT count(*) AS n FROM tasks t ${sql}`).get(...params) as { n: number }).n;
  }

  async acknowledge(taskId: number, unitId: string, personId: string, at: string): Promise<void> {
    this.s.get('UPDATE task_units SET acked_at = ?, acked_by = ? WHERE task_id = ? AND unit_id = ? AND acked_at IS NULL').run(at, personId, taskId, unitId);
    // The lead unit's signature turns 待签收 into 办理中.
    this.s
      .get(`UPDATE tasks SET updated_at = ?, status = CASE WHEN status = 'pending' AND lead_unit_id = ? THEN 'active' ELSE status END
            WHERE id = ?`)
      .run(at, unitId, taskId);
  }

  async addReport(r: { taskId: number; unitId: string; personId: string; kind: 'progress' | 'result'; percent?: number; text: string; at: string }): Promise<void> {
    this.s
      .get('INSERT INTO progress_reports (task_id, unit_id, person_id, kind, percent, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.taskId, r.unitId, r.personId, r.kind, r.percent ?? null, r.text, r.at);
    // The task's percentage is the lead unit's latest figure.
    this.s
      .get(`UPDATE tasks SET last_progress_at = ?, updated_at = ?,
              progress = CASE WHEN ? IS NOT NULL AND lead_unit_id = ? THEN ? ELSE progress END
            WHERE id = ?`)
      .run(r.at, r.at, r.percent ?? null, r.unitId, r.percent ?? null, r.taskId);
  }

  async reports(taskId: number): Promise<ProgressReport[]> {
    const rows = this.s.get('SELECT unit_id, person_id, kind, percent, text, at FROM progress_reports WHERE task_id = ? ORDER BY id').all(taskId) as ReportRow[];
    return rows.map(reportOf);
  }

  async reportsBetween(from: string, to: string, limit: number): Promise<Array<ProgressReport & { taskId: number }>> {
    const rows = this.s
      .get('SELECT task_id, unit_id, person_id, kind, percent, text, at FROM progress_reports WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT ?')
      .all(from, to, Math.max(0, Math.floor(limit))) as Array<ReportRow & { task_id: number }>;
    return rows.reverse().map((r) => ({ taskId: r.task_id, ...reportOf(r) }));
  }

  async complete(taskId: number, result: string, at: string, date: LocalDate): Promise<void> {
    this.s
      .get(`UPDATE tasks SET status = 'completed', result = ?, completed_at = ?, completed_date = ?, progress = 100, updated_at = ?
            WHERE id = ?`)
      .run(result, at, date, at, taskId);
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
    this.s.get(`UPDATE tasks SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...params, at, taskId);
  }

  async stages(parentId: number): Promise<Task[]> {
    return this.list({ parentId, order: 'code' });
  }

  async withdraw(taskId: number, at: string): Promise<void> {
    const row = this.s.get("UPDATE tasks SET status = 'withdrawn', updated_at = ? WHERE id = ? AND status <> 'withdrawn' RETURNING parent_id, assigned_date").get(at, taskId) as
      | { parent_id: number | null; assigned_date: string }
      | undefined;
    if (!row || row.parent_id !== null) return;
    const remove = this.s.get(assignedDaysRemove);
    for (const u of this.s.get('SELECT unit_id FROM task_units WHERE task_id = ?').all(taskId) as Array<{ unit_id: string }>) remove.run(row.assigned_date, u.unit_id);
  }

  async markPartDone(taskId: number, unitId: string, text: string, at: string): Promise<void> {
    this.s.get('UPDATE task_units SET part_done_at = ?, part_done_text = ? WHERE task_id = ? AND unit_id = ?').run(at, text, taskId, unitId);
    this.s.get('UPDATE tasks SET updated_at = ? WHERE id = ?').run(at, taskId);
  }

  async transferResponsible(from: string, to: string, at: string, taskId?: number): Promise<number[]> {
    const rows = this.s
      .get(`SELECT DISTINCT u.task_id AS id FROM task_units u JOIN tasks t ON t.id = u.task_id
            WHERE u.responsible_id = ? AND t.status IN ('pending', 'active', 'paused') AND (? IS NULL OR t.id = ?)`)
      .all(from, taskId ?? null, taskId ?? null) as Array<{ id: number }>;
    const ids = rows.map((r) => r.id);
    const move = this.s.get('UPDATE task_units SET responsible_id = ? WHERE task_id = ? AND responsible_id = ?');
    const touch = this.s.get('UPDATE tasks SET updated_at = ? WHERE id = ?');
    for (const id of ids) {
      move.run(to, id, from);
      touch.run(at, id);
    }
    return ids;
  }

  /** Loads the units of many tasks in one query. */
  private withUnits(rows: TaskRow[]): Task[] {
    if (rows.length === 0) return [];
    const byTask = new Map<number, TaskUnit[]>();
    const CHUNK = 500;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const ids = rows.slice(i, i + CHUNK).map((r) => r.id);
      const units = this.s
        .get(`SELECT * FROM task_units WHERE task_id IN (${ids.map(() => '?').join(',')})
              ORDER BY task_id, CASE role WHEN 'lead' THEN 0 ELSE 1 END, rowid`)
        .all(...ids) as UnitRow[];
      for (const u of units) {
        const list = byTask.get(u.task_id) ?? [];
        list.push(rowToUnit(u));
        byTask.set(u.task_id, list);
      }
    }
    return rows.map((r) => rowToTask(r, byTask.get(r.id) ?? []));
  }
}
