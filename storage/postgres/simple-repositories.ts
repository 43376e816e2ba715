import type { AuditEntry, AuditRecord, AuditRepository, ChatRecord, ChatRepository, InboundRepository } from '../repositories.js';
import type { JobRun, JobRunRepository, RunCursor } from '../scheduling-repositories.js';
import type { PgSql } from './pg-sql.js';

/** The small repositories of the PostgreSQL backend: audit, inbound ids, chats, job runs. */

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

export class PgAuditRepository implements AuditRepository {
  constructor(private readonly s: PgSql) {}

  async append(e: AuditEntry): Promise<void> {
    const m = 'message' in e.source ? e.source.message : undefined;
    const job = 'job' in e.source ? e.source.job : null;
    await this.s.run(
      `INSERT INTO audit_log (at, actor_id, action, task_id, subject, details, platform, chat_id, message_id, job)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      e.at,
      e.actorId,
      e.action,
      e.taskId ?? null,
      e.subject ?? null,
      JSON.stringify(e.details),
      m?.platform ?? null,
      m?.chatId ?? null,
      m?.messageId ?? null,
      job,
    );
  }

  async forTask(taskId: number): Promise<AuditRecord[]> {
    return (await this.s.all<AuditRow>('SELECT * FROM audit_log WHERE task_id = ? ORDER BY id', taskId)).map(toRecord);
  }

  async forSubject(subject: string): Promise<AuditRecord[]> {
    return (await this.s.all<AuditRow>('SELECT * FROM audit_log WHERE subject = ? ORDER BY id', subject)).map(toRecord);
  }

  async count(): Promise<number> {
    return (await this.s.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))?.n ?? 0;
  }
}

export class PgInboundRepository implements InboundRepository {
  constructor(private readonly s: PgSql) {}

  async claim(platform: string, messageId: string, chatId: string, at: string, outcome: string): Promise<boolean> {
    const n = await this.s.run(
      `INSERT INTO inbound_messages (platform, message_id, chat_id, received_at, outcome) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, message_id) DO NOTHING`,
      platform,
      messageId,
      chatId,
      at,
      outcome,
    );
    return n === 1;
  }

  async setOutcome(platform: string, messageId: string, outcome: string): Promise<void> {
    await this.s.run('UPDATE inbound_messages SET outcome = ? WHERE platform = ? AND message_id = ?', outcome, platform, messageId);
  }
}

export class PgChatRepository implements ChatRepository {
  constructor(private readonly s: PgSql) {}

  async touch(chat: ChatRecord, at: string): Promise<void> {
    await this.s.run(
      `INSERT INTO chats (platform, chat_id, kind, title, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET last_seen = excluded.last_seen, title = COALESCE(excluded.title, chats.title)`,
      chat.platform,
      chat.chatId,
      chat.kind,
      chat.title ?? null,
      at,
      at,
    );
  }

  async groups(): Promise<ChatRecord[]> {
    const rows = await this.s.all<{ platform: string; chat_id: string; kind: 'group'; title: string | null; registered_by: string | null }>(
      "SELECT platform, chat_id, kind, title, registered_by FROM chats WHERE kind = 'group' ORDER BY platform, first_seen",
    );
    return rows.map((r) => ({
      platform: r.platform,
      chatId: r.chat_id,
      kind: r.kind,
      title: r.title ?? undefined,
      registeredBy: r.registered_by ?? undefined,
    }));
  }

  async register(platform: string, chatId: string, by: string, at: string): Promise<boolean> {
    return (await this.s.run("UPDATE chats SET registered_by = ?, registered_at = ? WHERE platform = ? AND chat_id = ? AND kind = 'group'", by, at, platform, chatId)) > 0;
  }

  async unregister(platform: string, chatId: string): Promise<boolean> {
    return (await this.s.run('UPDATE chats SET registered_by = NULL, registered_at = NULL WHERE platform = ? AND chat_id = ? AND registered_by IS NOT NULL', platform, chatId)) > 0;
  }
}

interface JobRow {
  job: string;
  period: string;
  status: 'done' | 'skipped';
  ran_at: string;
  scheduled: string;
  messages: number;
  detail: string | null;
}

export class PgJobRunRepository implements JobRunRepository {
  constructor(private readonly s: PgSql) {}

  async claim(r: JobRun): Promise<boolean> {
    return (
      (await this.s.run(
        `INSERT INTO job_runs (job, period, status, ran_at, scheduled, messages, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (job, period) DO NOTHING`,
        r.job,
        r.period,
        r.status,
        r.ranAt,
        r.scheduled,
        r.messages,
        r.detail ?? null,
      )) === 1
    );
  }

  async setResult(job: string, period: string, messages: number, detail?: string): Promise<void> {
    await this.s.run('UPDATE job_runs SET messages = ?, detail = ? WHERE job = ? AND period = ?', messages, detail ?? null, job, period);
  }

  async meta(key: string): Promise<string | undefined> {
    return (await this.s.one<{ value: string }>('SELECT value FROM meta WHERE key = ?', key))?.value;
  }

  async setMetaOnce(key: string, value: string): Promise<string> {
    await this.s.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', key, value);
    return (await this.meta(key)) ?? value;
  }

  async raiseMeta(key: string, value: string): Promise<string> {
    await this.s.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = greatest(meta.value, excluded.value)', key, value);
    return (await this.meta(key)) ?? value;
  }

  async cursor(job: string, period: string): Promise<RunCursor | undefined> {
    return this.s.one<RunCursor>('SELECT cursor, messages, pages FROM job_cursors WHERE job = ? AND period = ?', job, period);
  }

  async saveCursor(job: string, period: string, c: RunCursor, at: string): Promise<void> {
    await this.s.run(
      `INSERT INTO job_cursors (job, period, cursor, messages, pages, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (job, period) DO UPDATE SET cursor = excluded.cursor, messages = excluded.messages, pages = excluded.pages, updated_at = excluded.updated_at`,
      job,
      period,
      c.cursor,
      c.messages,
      c.pages,
      at,
    );
  }

  async find(job: string, period: string): Promise<JobRun | undefined> {
    const r = await this.s.one<JobRow>('SELECT * FROM job_runs WHERE job = ? AND period = ?', job, period);
    return r ? { job: r.job, period: r.period, status: r.status, ranAt: r.ran_at, scheduled: r.scheduled, messages: r.messages, detail: r.detail ?? undefined } : undefined;
  }
}
