import type { ColourGroup, ColourRow, OverdueItem, StatsRepository, TrendCounts, TrendWeek, UnitCounts } from '../scheduling-repositories.js';
import { assignedByUnitSql } from '../assigned-days-sql.js';
import { trendCounts, trendParams, trendSql } from '../trend-sql.js';
import { overdueCounts, overdueSql } from '../overdue-sql.js';
import { chasesSql } from '../chase-days-sql.js';
import type { PgSql } from './pg-sql.js';
import { OUT_OF_TALLY } from '../out-of-tally-sql.js';

type CountRow = { unit: string; n: number };
const toMap = (rows: CountRow[]): UnitCounts => new Map(rows.map((r) => [r.unit, r.n]));
/** Excused (免责) and withdrawn (撤销交办) tasks: out of the lapse figures and the ranking. */
const EXCUSED = OUT_OF_TALLY;

function colourGroups(rows: Array<ColourGroup & { assignedDate: string | null; progress: number | null }>): ColourGroup[] {
  for (const r of rows) {
    if (r.assignedDate === null) delete (r as Partial<ColourGroup>).assignedDate;
    if (r.progress === null) delete (r as Partial<ColourGroup>).progress;
  }
  return rows;
}

/** Aggregates for the tallies on PostgreSQL (counts cast to int so they arrive as numbers). */
export class PgStatsRepository implements StatsRepository {
  constructor(private readonly s: PgSql) {}

  async colourGroups(today: string): Promise<ColourGroup[]> {
    // Overdue work is red whatever its stages: they are counted only for the work not yet due.
    return colourGroups(
      await this.s.all<ColourGroup & { assignedDate: string | null; progress: number | null }>(
        `SELECT lead_unit_id AS "leadUnitId", deadline, assigned_date AS "assignedDate", progress, stages_total AS "stagesTotal", stages_done AS "stagesDone", count(*)::int AS n
       FROM (SELECT t.lead_unit_id, t.deadline,
                    CASE WHEN t.deadline < ? THEN NULL ELSE t.assigned_date END AS assigned_date,
                    CASE WHEN t.deadline < ? THEN NULL ELSE t.progress END AS progress,
                    CASE WHEN t.deadline < ? THEN 0 ELSE (SELECT count(*)::int FROM tasks s WHERE s.parent_id = t.id AND s.status <> 'withdrawn') END AS stages_total,
                    CASE WHEN t.deadline < ? THEN 0 ELSE (SELECT count(*)::int FROM tasks s WHERE s.parent_id = t.id AND s.status IN ('completed', 'verified')) END AS stages_done
             FROM tasks t WHERE t.status IN ('pending', 'active') AND t.parent_id IS NULL) x
       GROUP BY lead_unit_id, deadline, assigned_date, progress, stages_total, stages_done`,
        today,
        today,
        today,
        today,
      ),
    );
  }

  async openForColours(afterId: number, limit: number): Promise<ColourRow[]> {
    const rows = await this.s.all<ColourRow & { progress: number | null }>(
      `SELECT t.id, t.lead_unit_id AS "leadUnitId", t.status, t.deadline, t.assigned_date AS "assignedDate", t.progress,
                   (SELECT count(*)::int FROM tasks s WHERE s.parent_id = t.id AND s.status <> 'withdrawn') AS "stagesTotal",
                   (SELECT count(*)::int FROM tasks s WHERE s.parent_id = t.id AND s.status IN ('completed', 'verified')) AS "stagesDone"
            FROM tasks t WHERE t.id > ? AND t.status IN ('pending', 'active') AND t.parent_id IS NULL ORDER BY t.id LIMIT ?`,
      afterId,
      limit,
    );
    for (const r of rows) if (r.progress === null) delete (r as Partial<ColourRow>).progress;
    return rows;
  }

  async trendByUnit(weeks: readonly TrendWeek[]): Promise<TrendCounts[]> {
    if (weeks.length === 0) return [];
    const sql = trendSql(weeks, EXCUSED, '::int');
    const p = trendParams(weeks);
    type DayRow = { unit: string; day: string; n: number };
    const [assigned, onTime, overdue] = [
      await this.s.all<DayRow>(sql.assigned, ...p.assigned),
      await this.s.all<DayRow>(sql.onTime, ...p.onTime),
      await this.s.all<Record<string, number | string>>(sql.overdue, ...p.overdue),
    ];
    return trendCounts(weeks, assigned, onTime, overdue);
  }

  async assignedByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(await this.s.all<CountRow>(assignedByUnitSql('::int'), from, to));
  }

  async ackDueByUnit(from: string, to: string, dueBefore: string): Promise<UnitCounts> {
    return toMap(
      await this.s.all<CountRow>(
        `SELECT u.unit_id AS unit, count(*)::int AS n FROM tasks t JOIN task_units u ON u.task_id = t.id
       WHERE t.assigned_date BETWEEN ? AND ? AND t.parent_id IS NULL AND t.status <> 'withdrawn' AND (coalesce(t.ack_due, t.assigned_date) < ? OR u.acked_at IS NOT NULL)
       GROUP BY u.unit_id`,
        from,
        to,
        dueBefore,
      ),
    );
  }

  async ackedOnTimeByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      await this.s.all<CountRow>(
        `SELECT u.unit_id AS unit, count(*)::int AS n FROM tasks t JOIN task_units u ON u.task_id = t.id
       WHERE t.assigned_date BETWEEN ? AND ? AND t.parent_id IS NULL AND t.status <> 'withdrawn' AND substr(u.acked_at, 1, 10) <= coalesce(t.ack_due, t.assigned_date)
       GROUP BY u.unit_id`,
        from,
        to,
      ),
    );
  }

  async completedByUnit(from: string, to: string): Promise<Map<string, { total: number; onTime: number; inExtension: number; late: number }>> {
    const rows = await this.s.all<CountRow & { on_time: number; in_ext: number }>(
      `SELECT lead_unit_id AS unit, count(*)::int AS n, count(*) FILTER (WHERE completed_date <= original_deadline)::int AS on_time,
              count(*) FILTER (WHERE completed_date > original_deadline AND completed_date <= deadline)::int AS in_ext
       FROM tasks WHERE completed_date BETWEEN ? AND ? AND parent_id IS NULL AND id NOT IN ${EXCUSED} GROUP BY lead_unit_id`,
      from,
      to,
    );
    return new Map(rows.map((r) => [r.unit, { total: r.n, onTime: r.on_time, inExtension: r.in_ext, late: r.n - r.on_time - r.in_ext }]));
  }

  async overdueByUnit(dueBefore: string, doneBefore: string): Promise<UnitCounts> {
    const q = overdueSql([{ dueBefore, doneBefore }], EXCUSED, '::int');
    return overdueCounts(1, await this.s.all<Record<string, number | string>>(q.sql, ...q.params))[0] ?? new Map();
  }

  async chasesByUnit(from: string, to: string): Promise<UnitCounts> {
    // A task chased on its stages the same day counts as one chase (kept per day in chase_days).
    return toMap(await this.s.all<CountRow>(chasesSql(EXCUSED, '::int'), from, to, from, to));
  }

  async coordinationsByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      await this.s.all<CountRow>(`SELECT requester_unit AS unit, count(*)::int AS n FROM coordinations WHERE opened_at >= ? AND opened_at < ? GROUP BY requester_unit`, `${from}T`, `${to}T~`),
    );
  }

  async untrueByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      await this.s.all<CountRow>(
        `SELECT unit_id AS unit, count(*)::int AS n FROM verifications WHERE verified_date BETWEEN ? AND ? AND result = 'false'
       AND task_id NOT IN ${EXCUSED} GROUP BY unit_id`,
        from,
        to,
      ),
    );
  }

  async dueByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      await this.s.all<CountRow>(
        `SELECT lead_unit_id AS unit, count(*)::int AS n FROM tasks
       WHERE original_deadline BETWEEN ? AND ? AND parent_id IS NULL AND status NOT IN ('paused', 'withdrawn') GROUP BY lead_unit_id`,
        from,
        to,
      ),
    );
  }

  async overdueItems(dueBefore: string, limit: number): Promise<OverdueItem[]> {
    const rows = await this.s.all<{
      id: number;
      code: string;
      parent_id: number | null;
      root_id: number;
      root_code: string;
      root_title: string;
      root_unit: string;
      deadline: string;
    }>(
      `SELECT t.id, t.code, t.parent_id, p.id AS root_id, p.code AS root_code, p.title AS root_title, p.lead_unit_id AS root_unit, t.deadline
       FROM tasks t JOIN tasks p ON p.id = coalesce(t.parent_id, t.id)
       WHERE t.status IN ('pending', 'active') AND t.deadline < ? AND t.id NOT IN (SELECT task_id FROM requests WHERE status = 'pending')
         AND p.id NOT IN ${EXCUSED}
       ORDER BY t.deadline, t.id LIMIT ?`,
      dueBefore,
      limit * 4,
    );
    const items = new Map<number, OverdueItem>();
    for (const r of rows) {
      const item = items.get(r.root_id) ?? { taskId: r.root_id, code: r.root_code, title: r.root_title, unitId: r.root_unit, deadline: r.deadline };
      if (r.deadline < item.deadline) item.deadline = r.deadline;
      if (r.parent_id !== null) item.stages = [...(item.stages ?? []), r.code];
      items.set(r.root_id, item);
    }
    return [...items.values()].slice(0, limit);
  }

  async ledgerByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      await this.s.all<CountRow>(
        `SELECT unit_id AS unit, count(DISTINCT root_id)::int AS n FROM ladder_events WHERE event_date BETWEEN ? AND ? AND step = 1 AND root_id NOT IN ${EXCUSED} GROUP BY unit_id`,
        from,
        to,
      ),
    );
  }

  async lateCompletions(from: string, to: string, limit: number): Promise<OverdueItem[]> {
    return this.s.all<OverdueItem & Record<string, unknown>>(
      `SELECT id AS "taskId", code, title, lead_unit_id AS "unitId", original_deadline AS deadline FROM tasks
       WHERE completed_date BETWEEN ? AND ? AND completed_date > deadline AND parent_id IS NULL AND id NOT IN ${EXCUSED} ORDER BY id LIMIT ?`,
      from,
      to,
      limit,
    );
  }
}
