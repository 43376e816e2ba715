import type { JobRun, JobRunRepository, RunCursor } from '../scheduling-repositories.js';
import type { Statements } from './statements.js';

interface Row {
  job: string;
  period: string;
  status: 'done' | 'skipped';
  ran_at: string;
  scheduled: string;
  messages: number;
  detail: string | null;
}

export class SqliteJobRunRepository implements JobRunRepository {
  constructor(private readonly s: Statements) {}

  async claim(r: JobRun): Promise<boolean> {
    const info = this.s
      .get(`INSERT INTO job_runs (job, period, status, ran_at, scheduled, messages, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job, period) DO NOTHING`)
      .run(r.job, r.period, r.status, r.ranAt, r.scheduled, r.messages, r.detail ?? null);
    return info.changes === 1;
  }

  async setResult(job: string, period: string, messages: number, detail?: string): Promise<void> {
    this.s.get('UPDATE job_runs SET messages = ?, detail = ? WHERE job = ? AND period = ?').run(messages, detail ?? null, job, period);
  }

  async meta(key: string): Promise<string | undefined> {
    return (this.s.get('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  async setMetaOnce(key: string, value: string): Promise<string> {
    this.s.get('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value);
    return (await this.meta(key)) ?? value;
  }

  async raiseMeta(key: string, value: string): Promise<string> {
    this.s.get('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)').run(key, value);
    return (await this.meta(key)) ?? value;
  }

  async find(job: string, period: string): Promise<JobRun | undefined> {
    const r = this.s.get('SELECT * FROM job_runs WHERE job = ? AND period = ?').get(job, period) as Row | undefined;
    return r ? { job: r.job, period: r.period, status: r.status, ranAt: r.ran_at, scheduled: r.scheduled, messages: r.messages, detail: r.detail ?? undefined } : undefined;
  }

  async cursor(job: string, period: string): Promise<RunCursor | undefined> {
    return this.s.get('SELECT cursor, messages, pages FROM job_cursors WHERE job = ? AND period = ?').get(job, period) as RunCursor | undefined;
  }

  async saveCursor(job: string, period: string, c: RunCursor, at: string): Promise<void> {
    this.s
      .get(`INSERT INTO job_cursors (job, period, cursor, messages, pages, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (job, period) DO UPDATE SET cursor = excluded.cursor, messages = excluded.messages, pages = excluded.pages, updated_at = excluded.updated_at`)
      .run(job, period, c.cursor, c.messages, c.pages, at);
  }
}
