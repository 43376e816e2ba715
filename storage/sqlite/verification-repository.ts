import type { Verification, VerificationRepository } from '../exception-repositories.js';
import type { Statements } from './statements.js';

interface Row {
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

const toVerification = (r: Row): Verification => ({
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

export class SqliteVerificationRepository implements VerificationRepository {
  constructor(private readonly s: Statements) {}

  async draw(v: { taskId: number; unitId: string; reason: Verification['reason']; drawnAt: string }): Promise<void> {
    this.s.get('INSERT INTO verifications (task_id, unit_id, reason, drawn_at) VALUES (?, ?, ?, ?)').run(v.taskId, v.unitId, v.reason, v.drawnAt);
  }

  async pending(taskId: number): Promise<Verification | undefined> {
    const row = this.s.get('SELECT * FROM verifications WHERE task_id = ? AND result IS NULL ORDER BY id DESC LIMIT 1').get(taskId) as Row | undefined;
    return row ? toVerification(row) : undefined;
  }

  async record(id: number, r: { result: 'true' | 'false'; note?: string; verifiedBy: string; verifiedAt: string; verifiedDate: string }): Promise<void> {
    this.s
      .get('UPDATE verifications SET result = ?, note = ?, verified_by = ?, verified_at = ?, verified_date = ? WHERE id = ?')
      .run(r.result, r.note ?? null, r.verifiedBy, r.verifiedAt, r.verifiedDate, id);
  }

  async sampleStats(): Promise<{ completions: number; drawn: number }> {
    const completions = (this.s.get("SELECT count(*) AS n FROM audit_log WHERE action = 'complete'").get() as { n: number }).n;
    const drawn = (this.s.get("SELECT count(*) AS n FROM verifications WHERE reason <> 'manual'").get() as { n: number }).n;
    return { completions, drawn };
  }

  async forTask(taskId: number): Promise<Verification[]> {
    return (this.s.get('SELECT * FROM verifications WHERE task_id = ? ORDER BY id').all(taskId) as Row[]).map(toVerification);
  }
}
