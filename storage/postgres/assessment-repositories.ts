import { formatWarningCode, type EfficiencyWarning, type Excusal, type RectificationList, type TaskMarks } from '../../src/domain/assessment.js';
import type { ExcusalRepository, RectificationRepository, TaskMarkRepository, WarningRepository } from '../contracts/assessment.js';
import type { PgSql } from './pg-sql.js';

type Row = Record<string, unknown>;
const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));

const toWarning = (r: Row): EfficiencyWarning => ({
  id: r.id as number,
  code: r.code as string,
  personId: opt(r.person_id),
  unitId: r.unit_id as string,
  date: r.warn_date as string,
  reason: r.reason as string,
  issuerId: r.issuer_id as string,
  taskId: opt(r.task_id),
  rectifyTaskId: opt(r.rectify_task_id),
  at: r.at as string,
  withdrawnAt: opt(r.withdrawn_at),
  withdrawnBy: opt(r.withdrawn_by),
  withdrawReason: opt(r.withdraw_reason),
});

/** The 效能告诫 register. Codes follow the id; a concurrent add conflicts on the key and the transaction retries or fails. */
export class PgWarningRepository implements WarningRepository {
  constructor(private readonly s: PgSql) {}

  async add(w: Omit<EfficiencyWarning, 'id' | 'code'>): Promise<EfficiencyWarning> {
    const next = (await this.s.one<{ n: number }>('SELECT (coalesce(max(id), 0) + 1)::int AS n FROM efficiency_warnings'))?.n ?? 1;
    const code = formatWarningCode(next);
    await this.s.run(
      `INSERT INTO efficiency_warnings (id, code, person_id, unit_id, warn_date, reason, issuer_id, task_id, rectify_task_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      next,
      code,
      w.personId ?? null,
      w.unitId,
      w.date,
      w.reason,
      w.issuerId,
      w.taskId ?? null,
      w.rectifyTaskId ?? null,
      w.at,
    );
    return { ...w, id: next, code };
  }

  async findByCode(code: string): Promise<EfficiencyWarning | undefined> {
    const row = await this.s.one<Row>('SELECT * FROM efficiency_warnings WHERE code = ?', code);
    return row ? toWarning(row) : undefined;
  }

  async setRectifyTask(id: number, taskId: number): Promise<void> {
    await this.s.run('UPDATE efficiency_warnings SET rectify_task_id = ? WHERE id = ?', taskId, id);
  }

  async withdraw(id: number, by: string, at: string, reason: string): Promise<void> {
    await this.s.run('UPDATE efficiency_warnings SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?', at, by, reason, id);
  }

  async inRange(from: string, to: string): Promise<EfficiencyWarning[]> {
    return (await this.s.all<Row>('SELECT * FROM efficiency_warnings WHERE warn_date BETWEEN ? AND ? ORDER BY warn_date, id', from, to)).map(toWarning);
  }
}

const toExcusal = (r: Row): Excusal => ({
  id: r.id as number,
  taskId: r.task_id as number,
  reason: r.reason as string,
  proposedBy: r.proposed_by as string,
  proposedAt: r.proposed_at as string,
  status: r.status as Excusal['status'],
  decidedBy: opt(r.decided_by),
  decidedAt: opt(r.decided_at),
  decisionNote: opt(r.decision_note),
});

/** 免责 (容错): proposals and the 秘书长's decisions. */
export class PgExcusalRepository implements ExcusalRepository {
  constructor(private readonly s: PgSql) {}

  async propose(e: Omit<Excusal, 'id' | 'status'>): Promise<Excusal> {
    const r = await this.s.one<{ id: number }>(
      `INSERT INTO excusals (task_id, reason, proposed_by, proposed_at, status) VALUES (?, ?, ?, ?, 'proposed') RETURNING id`,
      e.taskId,
      e.reason,
      e.proposedBy,
      e.proposedAt,
    );
    return { ...e, id: r!.id, status: 'proposed' };
  }

  async current(taskId: number): Promise<Excusal | undefined> {
    const row = await this.s.one<Row>('SELECT * FROM excusals WHERE task_id = ? ORDER BY id DESC LIMIT 1', taskId);
    return row ? toExcusal(row) : undefined;
  }

  async decide(id: number, status: 'confirmed' | 'refused', by: string, at: string, note?: string): Promise<void> {
    await this.s.run('UPDATE excusals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?', status, by, at, note ?? null, id);
  }

  async confirmed(): Promise<Excusal[]> {
    return (await this.s.all<Row>(`SELECT * FROM excusals WHERE status = 'confirmed' ORDER BY id`)).map(toExcusal);
  }
}

interface MarkRow {
  urgent: number;
  plan_year: number | null;
  follow_up_of: number | null;
  looked_back_at: string | null;
}

/** Marks on tasks kept beside the task row: 紧急, 年度计划, 再督查, 回头看. */
export class PgTaskMarkRepository implements TaskMarkRepository {
  constructor(private readonly s: PgSql) {}

  async get(taskId: number): Promise<TaskMarks> {
    const r = await this.s.one<MarkRow>('SELECT * FROM task_marks WHERE task_id = ?', taskId);
    if (!r) return { urgent: false };
    return { urgent: r.urgent === 1, planYear: r.plan_year ?? undefined, followUpOf: r.follow_up_of ?? undefined, lookedBackAt: r.looked_back_at ?? undefined };
  }

  async set(taskId: number, m: Partial<TaskMarks>): Promise<void> {
    const next = { ...(await this.get(taskId)), ...m };
    await this.s.run(
      `INSERT INTO task_marks (task_id, urgent, plan_year, follow_up_of, looked_back_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (task_id) DO UPDATE SET urgent = excluded.urgent, plan_year = excluded.plan_year,
         follow_up_of = excluded.follow_up_of, looked_back_at = excluded.looked_back_at`,
      taskId,
      next.urgent ? 1 : 0,
      next.planYear ?? null,
      next.followUpOf ?? null,
      next.lookedBackAt ?? null,
    );
  }

  async urgentOpen(): Promise<number[]> {
    const rows = await this.s.all<{ id: number }>(
      `SELECT m.task_id AS id FROM task_marks m JOIN tasks t ON t.id = m.task_id
       WHERE m.urgent = 1 AND t.status IN ('pending', 'active') ORDER BY m.task_id`,
    );
    return rows.map((r) => r.id);
  }
}

type ListRow = { task_id: number; unit_id: string; reason: string; origin: RectificationList['origin']; source_task_id: number | null; opened_date: string };
const toList = (r: ListRow): RectificationList => ({
  taskId: r.task_id,
  unitId: r.unit_id,
  reason: r.reason,
  origin: r.origin,
  sourceTaskId: r.source_task_id ?? undefined,
  openedDate: r.opened_date,
});

/** 整改清单: which tasks are rectification lists, and why they were opened. */
export class PgRectificationRepository implements RectificationRepository {
  constructor(private readonly s: PgSql) {}

  async add(l: RectificationList): Promise<void> {
    await this.s.run(
      'INSERT INTO rectification_lists (task_id, unit_id, reason, origin, source_task_id, opened_date) VALUES (?, ?, ?, ?, ?, ?)',
      l.taskId,
      l.unitId,
      l.reason,
      l.origin,
      l.sourceTaskId ?? null,
      l.openedDate,
    );
  }

  async find(taskId: number): Promise<RectificationList | undefined> {
    const row = await this.s.one<ListRow>('SELECT * FROM rectification_lists WHERE task_id = ?', taskId);
    return row ? toList(row) : undefined;
  }

  async opened(from: string, to: string): Promise<RectificationList[]> {
    return (await this.s.all<ListRow>('SELECT * FROM rectification_lists WHERE opened_date BETWEEN ? AND ? ORDER BY opened_date, task_id', from, to)).map(toList);
  }
}
