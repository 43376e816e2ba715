import type { ChaseEntry, ChaseRepository } from '../scheduling-repositories.js';
import type { Statements } from './statements.js';

export class SqliteChaseRepository implements ChaseRepository {
  constructor(private readonly s: Statements) {}

  async record(e: ChaseEntry): Promise<void> {
    this.s
      .get('INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.taskId, e.unitId, e.personId, e.kind, e.chaseNo ?? null, e.chasedDate, e.jobPeriod);
  }

  async forTask(taskId: number): Promise<ChaseEntry[]> {
    const rows = this.s.get('SELECT * FROM chase_log WHERE task_id = ? ORDER BY id').all(taskId) as Array<{
      task_id: number; unit_id: string; person_id: string; kind: ChaseEntry['kind']; chase_no: number | null; chased_date: string; job_period: string;
    }>;
    return rows.map((r) => ({
      taskId: r.task_id, unitId: r.unit_id, personId: r.person_id, kind: r.kind, chaseNo: r.chase_no ?? undefined, chasedDate: r.chased_date, jobPeriod: r.job_period,
    }));
  }
}
