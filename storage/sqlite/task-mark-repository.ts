import type { TaskMarks } from '../../src/domain/assessment.js';
import type { TaskMarkRepository } from '../assessment-repositories.js';
import type { Statements } from './statements.js';

interface Row {
  urgent: number;
  plan_year: number | null;
  follow_up_of: number | null;
  looked_back_at: string | null;
}

/** Marks on tasks kept beside the task row: 紧急, 年度计划, 再督查, 回头看. */
export class SqliteTaskMarkRepository implements TaskMarkRepository {
  constructor(private readonly s: Statements) {}

  async get(taskId: number): Promise<TaskMarks> {
    const r = this.s.get('SELECT * FROM task_marks WHERE task_id = ?').get(taskId) as Row | undefined;
    if (!r) return { urgent: false };
    return { urgent: r.urgent === 1, planYear: r.plan_year ?? undefined, followUpOf: r.follow_up_of ?? undefined, lookedBackAt: r.looked_back_at ?? undefined };
  }

  async set(taskId: number, m: Partial<TaskMarks>): Promise<void> {
    const cur = await this.get(taskId);
    const next = { ...cur, ...m };
    this.s
      .get(`INSERT INTO task_marks (task_id, urgent, plan_year, follow_up_of, looked_back_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (task_id) DO UPDATE SET urgent = excluded.urgent, plan_year = excluded.plan_year,
              follow_up_of = excluded.follow_up_of, looked_back_at = excluded.looked_back_at`)
      .run(taskId, next.urgent ? 1 : 0, next.planYear ?? null, next.followUpOf ?? null, next.lookedBackAt ?? null);
  }

  async urgentOpen(): Promise<number[]> {
    const rows = this.s
      .get(`SELECT m.task_id AS id FROM task_marks m JOIN tasks t ON t.id = m.task_id
            WHERE m.urgent = 1 AND t.status IN ('pending', 'active') ORDER BY m.task_id`)
      .all() as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }
}
