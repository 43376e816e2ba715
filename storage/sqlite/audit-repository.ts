import type { AuditEntry, AuditRecord, AuditRepository } from '../repositories.js';
import type { Statements } from './statements.js';

interface AuditRow {
  id: number;
  at: string;
  actor_id: string;
  action: string;
  task_id: number | null;
  subject: string | null;
  details: string;
  platform: string | null;
  chat_id: string | null;
  message_id: string | null;
  job: string | null;
}

function toRecord(r: AuditRow): AuditRecord {
  const source = r.job !== null ? { job: r.job } : { message: { platform: r.platform ?? '', chatId: r.chat_id ?? '', messageId: r.message_id ?? '' } };
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    taskId: r.task_id ?? undefined,
    subject: r.subject ?? undefined,
    details: JSON.parse(r.details) as Record<string, unknown>,
    source,
  };
}

export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly s: Statements) {}

  async append(e: AuditEntry): Promise<void> {
    const m = 'message' in e.source ? e.source.message : undefined;
    const job = 'job' in e.source ? e.source.job : null;
    this.s
      .get(`INSERT INTO audit_log (at, actor_id, action, task_id, subject, details, platform, chat_id, message_id, job)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(e.at, e.actorId, e.action, e.taskId ?? null, e.subject ?? null, JSON.stringify(e.details), m?.platform ?? null, m?.chatId ?? null, m?.messageId ?? null, job);
  }

  async forTask(taskId: number): Promise<AuditRecord[]> {
    return (this.s.get('SELECT * FROM audit_log WHERE task_id = ? ORDER BY id').all(taskId) as AuditRow[]).map(toRecord);
  }

  async forSubject(subject: string): Promise<AuditRecord[]> {
    return (this.s.get('SELECT * FROM audit_log WHERE subject = ? ORDER BY id').all(subject) as AuditRow[]).map(toRecord);
  }

  async count(): Promise<number> {
    return (this.s.get('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }
}
