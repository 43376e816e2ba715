import type { RectificationList } from '../../src/domain/assessment.js';
import type { RectificationRepository } from '../assessment-repositories.js';
import type { Statements } from './statements.js';

type Row = { task_id: number; unit_id: string; reason: string; origin: RectificationList['origin']; source_task_id: number | null; opened_date: string };
const toList = (r: Row): RectificationList => ({
  taskId: r.task_id,
  unitId: r.unit_id,
  reason: r.reason,
  origin: r.origin,
  sourceTaskId: r.source_task_id ?? undefined,
  openedDate: r.opened_date,
});

/** 整改清单: which tasks are rectification lists, and why they were opened. */
export class SqliteRectificationRepository implements RectificationRepository {
  constructor(private readonly s: Statements) {}

  async add(l: RectificationList): Promise<void> {
    this.s
      .get('INSERT INTO rectification_lists (task_id, unit_id, reason, origin, source_task_id, opened_date) VALUES (?, ?, ?, ?, ?, ?)')
      .run(l.taskId, l.unitId, l.reason, l.origin, l.sourceTaskId ?? null, l.openedDate);
  }

  async find(taskId: number): Promise<RectificationList | undefined> {
    const row = this.s.get('SELECT * FROM rectification_lists WHERE task_id = ?').get(taskId) as Row | undefined;
    return row ? toList(row) : undefined;
  }

  async opened(from: string, to: string): Promise<RectificationList[]> {
    return (this.s.get('SELECT * FROM rectification_lists WHERE opened_date BETWEEN ? AND ? ORDER BY opened_date, task_id').all(from, to) as Row[]).map(toList);
  }
}
