import type { RequestKind, TaskRequest } from '../../src/domain/requests.js';
import type { NewRequest, RequestRepository } from '../exception-repositories.js';
import type { Statements } from './statements.js';

interface Row {
  id: number;
  task_id: number;
  kind: RequestKind;
  unit_id: string;
  raised_by: string;
  raised_at: string;
  reason: string;
  proposed_deadline: string | null;
  answer_due: string;
  status: 'pending' | 'answered';
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  new_deadline: string | null;
}

const toRequest = (r: Row): TaskRequest => ({
  id: r.id,
  taskId: r.task_id,
  kind: r.kind,
  unitId: r.unit_id,
  raisedBy: r.raised_by,
  raisedAt: r.raised_at,
  reason: r.reason,
  proposedDeadline: r.proposed_deadline ?? undefined,
  answerDue: r.answer_due,
  status: r.status,
  decision: r.decision ?? undefined,
  decidedBy: r.decided_by ?? undefined,
  decidedAt: r.decided_at ?? undefined,
  note: r.note ?? undefined,
  newDeadline: r.new_deadline ?? undefined,
});

export class SqliteRequestRepository implements RequestRepository {
  constructor(private readonly s: Statements) {}

  async create(r: NewRequest): Promise<TaskRequest> {
    const info = this.s
      .get(`INSERT INTO requests (task_id, kind, unit_id, raised_by, raised_at, reason, proposed_deadline, answer_due, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')`)
      .run(r.taskId, r.kind, r.unitId, r.raisedBy, r.raisedAt, r.reason, r.proposedDeadline ?? null, r.answerDue);
    return toRequest(this.s.get('SELECT * FROM requests WHERE id = ?').get(Number(info.lastInsertRowid)) as Row);
  }

  async pending(taskId: number, kind: RequestKind): Promise<TaskRequest | undefined> {
    const row = this.s.get("SELECT * FROM requests WHERE task_id = ? AND kind = ? AND status = 'pending' ORDER BY id DESC LIMIT 1").get(taskId, kind) as Row | undefined;
    return row ? toRequest(row) : undefined;
  }

  async forTask(taskId: number): Promise<TaskRequest[]> {
    return (this.s.get('SELECT * FROM requests WHERE task_id = ? ORDER BY id').all(taskId) as Row[]).map(toRequest);
  }

  async answer(id: number, a: { decision: string; decidedBy: string; decidedAt: string; note?: string; newDeadline?: string }): Promise<void> {
    this.s
      .get(`UPDATE requests SET status = 'answered', decision = ?, decided_by = ?, decided_at = ?, note = ?, new_deadline = ?
            WHERE id = ?`)
      .run(a.decision, a.decidedBy, a.decidedAt, a.note ?? null, a.newDeadline ?? null, id);
  }

  async allPending(): Promise<TaskRequest[]> {
    return (this.s.get("SELECT * FROM requests WHERE status = 'pending' ORDER BY answer_due, id").all() as Row[]).map(toRequest);
  }

  async transferRaiser(from: string, to: string): Promise<number> {
    return this.s.get("UPDATE requests SET raised_by = ? WHERE raised_by = ? AND status = 'pending'").run(to, from).changes;
  }
}
