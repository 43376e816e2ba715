import type { RequestKind, TaskRequest } from '../../src/domain/requests.js';
import type { NewRequest, RequestRepository, Verification, VerificationRepository } from '../exception-repositories.js';
import type { PgSql } from './pg-sql.js';

/** 难以执行/延期 requests and 复核 on PostgreSQL. */

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

export class PgRequestRepository implements RequestRepository {
  constructor(private readonly s: PgSql) {}

  async create(r: NewRequest): Promise<TaskRequest> {
    const row = await this.s.one<Row>(
      `INSERT INTO requests (task_id, kind, unit_id, raised_by, raised_at, reason, proposed_deadline, answer_due, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING *`,
      r.taskId,
      r.kind,
      r.unitId,
      r.raisedBy,
      r.raisedAt,
      r.reason,
      r.proposedDeadline ?? null,
      r.answerDue,
    );
    return toRequest(row!);
  }

  async pending(taskId: number, kind: RequestKind): Promise<TaskRequest | undefined> {
    const row = await this.s.one<Row>("SELECT * FROM requests WHERE task_id = ? AND kind = ? AND status = 'pending' ORDER BY id DESC LIMIT 1", taskId, kind);
    return row ? toRequest(row) : undefined;
  }

  async forTask(taskId: number): Promise<TaskRequest[]> {
    return (await this.s.all<Row>('SELECT * FROM requests WHERE task_id = ? ORDER BY id', taskId)).map(toRequest);
  }

  async answer(id: number, a: { decision: string; decidedBy: string; decidedAt: string; note?: string; newDeadline?: string }): Promise<void> {
    await this.s.run(
      `UPDATE requests SET status = 'answered', decision = ?, decided_by = ?, decided_at = ?, note = ?, new_deadline = ? WHERE id = ?`,
      a.decision,
      a.decidedBy,
      a.decidedAt,
      a.note ?? null,
      a.newDeadline ?? null,
      id,
    );
  }

  async allPending(): Promise<TaskRequest[]> {
    return (await this.s.all<Row>("SELECT * FROM requests WHERE status = 'pending' ORDER BY answer_due, id")).map(toRequest);
  }

  async transferRaiser(from: string, to: string): Promise<number> {
    return this.s.run("UPDATE requests SET raised_by = ? WHERE raised_by = ? AND status = 'pending'", to, from);
  }
}

interface VRow {
  id: number;
  task_id: number;
  unit_id: string;
  reason: Verification['reason'];
  drawn_at: string;
  result: 'true' | 'false' | null;
  note: string | null;
  verified_by: string | null;
  verified_at: string | null;
}

const toVerification = (r: VRow): Verification => ({
  id: r.id,
  taskId: r.task_id,
  unitId: r.unit_id,
  reason: r.reason,
  drawnAt: r.drawn_at,
  result: r.result ?? undefined,
  note: r.note ?? undefined,
  verifiedBy: r.verified_by ?? undefined,
  verifiedAt: r.verified_at ?? undefined,
});

export class PgVerificationRepository implements VerificationRepository {
  constructor(private readonly s: PgSql) {}

  async draw(v: { taskId: number; unitId: string; reason: Verification['reason']; drawnAt: string }): Promise<void> {
    await this.s.run('INSERT INTO verifications (task_id, unit_id, reason, drawn_at) VALUES (?, ?, ?, ?)', v.taskId, v.unitId, v.reason, v.drawnAt);
  }

  async pending(taskId: number): Promise<Verification | undefined> {
    const row = await this.s.one<VRow>('SELECT * FROM verifications WHERE task_id = ? AND result IS NULL ORDER BY id DESC LIMIT 1', taskId);
    return row ? toVerification(row) : undefined;
  }

  async record(id: number, r: { result: 'true' | 'false'; note?: string; verifiedBy: string; verifiedAt: string; verifiedDate: string }): Promise<void> {
    await this.s.run(
      'UPDATE verifications SET result = ?, note = ?, verified_by = ?, verified_at = ?, verified_date = ? WHERE id = ?',
      r.result,
      r.note ?? null,
      r.verifiedBy,
      r.verifiedAt,
      r.verifiedDate,
      id,
    );
  }

  async sampleStats(): Promise<{ completions: number; drawn: number }> {
    const r = await this.s.one<{ completions: number; drawn: number }>(
      `SELECT (SELECT count(*)::int FROM audit_log WHERE action = 'complete') AS completions,
              (SELECT count(*)::int FROM verifications WHERE reason <> 'manual') AS drawn`,
    );
    return { completions: r?.completions ?? 0, drawn: r?.drawn ?? 0 };
  }

  async forTask(taskId: number): Promise<Verification[]> {
    return (await this.s.all<VRow>('SELECT * FROM verifications WHERE task_id = ? ORDER BY id', taskId)).map(toVerification);
  }
}
