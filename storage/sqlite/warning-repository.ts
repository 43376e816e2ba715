import { formatWarningCode, type EfficiencyWarning } from '../../src/domain/assessment.js';
import type { WarningRepository } from '../assessment-repositories.js';
import type { Statements } from './statements.js';

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

/** The 效能告诫 register. */
export class SqliteWarningRepository implements WarningRepository {
  constructor(private readonly s: Statements) {}

  async add(w: Omit<EfficiencyWarning, 'id' | 'code'>): Promise<EfficiencyWarning> {
    const next = (this.s.get('SELECT coalesce(max(id), 0) + 1 AS n FROM efficiency_warnings').get() as { n: number }).n;
    const code = formatWarningCode(next);
    this.s
      .get(`INSERT INTO efficiency_warnings (id, code, person_id, unit_id, warn_date, reason, issuer_id, task_id, rectify_task_id, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(next, code, w.personId ?? null, w.unitId, w.date, w.reason, w.issuerId, w.taskId ?? null, w.rectifyTaskId ?? null, w.at);
    return { ...w, id: next, code };
  }

  async findByCode(code: string): Promise<EfficiencyWarning | undefined> {
    const row = this.s.get('SELECT * FROM efficiency_warnings WHERE code = ?').get(code) as Row | undefined;
    return row ? toWarning(row) : undefined;
  }

  async setRectifyTask(id: number, taskId: number): Promise<void> {
    this.s.get('UPDATE efficiency_warnings SET rectify_task_id = ? WHERE id = ?').run(taskId, id);
  }

  async withdraw(id: number, by: string, at: string, reason: string): Promise<void> {
    this.s.get('UPDATE efficiency_warnings SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?').run(at, by, reason, id);
  }

  async inRange(from: string, to: string): Promise<EfficiencyWarning[]> {
    return (this.s.get('SELECT * FROM efficiency_warnings WHERE warn_date BETWEEN ? AND ? ORDER BY warn_date, id').all(from, to) as Row[]).map(toWarning);
  }
}
