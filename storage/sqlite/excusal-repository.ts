import type { Excusal } from '../../src/domain/assessment.js';
import type { ExcusalRepository } from '../assessment-repositories.js';
import type { Statements } from './statements.js';

type Row = Record<string, unknown>;
const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));

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
export class SqliteExcusalRepository implements ExcusalRepository {
  constructor(private readonly s: Statements) {}

  async propose(e: Omit<Excusal, 'id' | 'status'>): Promise<Excusal> {
    const info = this.s.get(`INSERT INTO excusals (task_id, reason, proposed_by, proposed_at, status) VALUES (?, ?, ?, ?, 'proposed')`).run(e.taskId, e.reason, e.proposedBy, e.proposedAt);
    return { ...e, id: Number(info.lastInsertRowid), status: 'proposed' };
  }

  async current(taskId: number): Promise<Excusal | undefined> {
    const row = this.s.get('SELECT * FROM excusals WHERE task_id = ? ORDER BY id DESC LIMIT 1').get(taskId) as Row | undefined;
    return row ? toExcusal(row) : undefined;
  }

  async decide(id: number, status: 'confirmed' | 'refused', by: string, at: string, note?: string): Promise<void> {
    this.s.get('UPDATE excusals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?').run(status, by, at, note ?? null, id);
  }

  async confirmed(): Promise<Excusal[]> {
    return (this.s.get(`SELECT * FROM excusals WHERE status = 'confirmed' ORDER BY id`).all() as Row[]).map(toExcusal);
  }
}
