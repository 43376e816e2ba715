import type { OverdueItem, StatsRepository, UnitCounts } from '../scheduling-repositories.js';
import type { Statements } from './statements.js';

type CountRow = { unit: string; n: number };
const toMap = (rows: CountRow[]): UnitCounts => new Map(rows.map((r) => [r.unit, r.n]));

/** Aggregates for the tallies. Each is one indexed GROUP BY, so cost follows the period, not the table. */
export class SqliteStatsRepository implements StatsRepository {
  constructor(private readonly s: Statements) {}

  async assignedByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(this.s
      .get(`SELECT u.unit_id AS unit, count(*) AS n FROM tasks t JOIN task_units u ON u.task_id = t.id
            WHERE t.assigned_date BETWEEN ? AND ? AND t.parent_id IS NULL GROUP BY u.unit_id`)
      .all(from, to) as CountRow[]);
  }

  async ackedOnTimeByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(this.s
      .get(`SELECT u.unit_id AS unit, count(*) AS n FROM tasks t JOIN task_units u ON u.task_id = t.id
            WHERE t.assigned_date BETWEEN ? AND ? AND t.parent_id IS NULL AND substr(u.acked_at, 1, 10) <= coalesce(t.ack_due, t.assigned_date)
            GROUP BY u.unit_id`)
      .all(from, to) as CountRow[]);
  }

  async completedByUnit(from: string, to: string): Promise<Map<string, { total: number; onTime: number }>> {
    const rows = this.s
      .get(`SELECT lead_unit_id AS unit, count(*) AS n, sum(completed_date <= original_deadline) AS on_time FROM tasks
            WHERE completed_date BETWEEN ? AND ? AND parent_id IS NULL GROUP BY lead_unit_id`)
      .all(from, to) as Array<CountRow & { on_time: number }>;
    return new Map(rows.map((r) => [r.unit, { total: r.n, onTime: r.on_time }]));
  }

  async overdueByUnit(dueBefore: string, doneBefore: string): Promise<UnitCounts> {
    // Two index ranges instead of a scan: the work still open, and the work completed only
    // after the cutoff (the few that were overdue then).
    return toMap(this.s
      .get(`SELECT unit, sum(n) AS n FROM (
              SELECT lead_unit_id AS unit, count(*) AS n FROM tasks
               WHERE status IN ('pending', 'active') AND deadline < @due GROUP BY lead_unit_id
              UNION ALL
              SELECT lead_unit_id AS unit, count(*) AS n FROM tasks
               WHERE completed_date >= @done AND deadline < @due AND status IN ('completed', 'verified') GROUP BY lead_unit_id
            ) GROUP BY unit`)
      .all({ due: dueBefore, done: doneBefore }) as CountRow[]);
  }

  async chasesByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(this.s
      .get(`SELECT unit_id AS unit, count(DISTINCT task_id || ':' || chased_date) AS n FROM chase_log
            WHERE chased_date BETWEEN ? AND ? AND kind = 'overdue' GROUP BY unit_id`)
      .all(from, to) as CountRow[]);
  }

  async coordinationsByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(this.s
      .get(`SELECT requester_unit AS unit, count(*) AS n FROM coordinations
            WHERE opened_at >= ? AND opened_at < ? GROUP BY requester_unit`)
      .all(`${from}T`, `${to}T~`) as CountRow[]);
  }

  async untrueByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(this.s
      .get(`SELECT unit_id AS unit, count(*) AS n FROM verifications WHERE verified_date BETWEEN ? AND ? AND result = 'false' GROUP BY unit_id`)
      .all(from, to) as CountRow[]);
  }

  async dueByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(this.s
      .get(`SELECT lead_unit_id AS unit, count(*) AS n FROM tasks
            WHERE original_deadline BETWEEN ? AND ? AND parent_id IS NULL AND status <> 'paused' GROUP BY lead_unit_id`)
      .all(from, to) as CountRow[]);
  }

  async overdueItems(dueBefore: string, limit: number): Promise<OverdueItem[]> {
    return this.s
      .get(`SELECT id AS taskId, code, title, lead_unit_id AS unitId, deadline FROM tasks
            WHERE status IN ('pending', 'active') AND deadline < ? ORDER BY deadline, id LIMIT ?`)
      .all(dueBefore, limit) as OverdueItem[];
  }

  async lateCompletions(from: string, to: string, limit: number): Promise<OverdueItem[]> {
    return this.s
      .get(`SELECT id AS taskId, code, title, lead_unit_id AS unitId, original_deadline AS deadline FROM tasks
            WHERE completed_date BETWEEN ? AND ? AND completed_date > original_deadline ORDER BY id LIMIT ?`)
      .all(from, to, limit) as OverdueItem[];
  }
}
