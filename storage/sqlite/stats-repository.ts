import type { ColourGroup, ColourRow, OverdueItem, StatsRepository, TrendCounts, TrendWeek, UnitCounts } from '../scheduling-repositories.js';
import { assignedByUnitSql } from '../assigned-days-sql.js';
import { trendCounts, trendParams, trendSql } from '../trend-sql.js';
import { overdueCounts, overdueSql } from '../overdue-sql.js';
import { chasesSql } from '../chase-days-sql.js';
import type { Statements } from './statements.js';
import { OUT_OF_TALLY } from '../out-of-tally-sql.js';

type CountRow = { unit: string; n: number };
const toMap = (rows: CountRow[]): UnitCounts => new Map(rows.map((r) => [r.unit, r.n]));
/** Excused (免责) and withdrawn (撤销交办) tasks: out of the lapse figures and the ranking. */
const EXCUSED = OUT_OF_TALLY;
/** Open work read from its covering partial index (migration 017), not a row per open task. */
const OPEN = 'INDEXED BY tasks_open_cover';
/** Open work by unit (migration 019): counted per unit in index order, without a sort. */
const OPEN_BY_UNIT = 'INDEXED BY tasks_open_unit';
/** The indexes the overdue counts read (storage/overdue-sql.ts); by completion date, not (status, deadline), which would read every closed task. */
const OVERDUE_HINTS = { byUnit: OPEN_BY_UNIT, byDeadline: OPEN, byCompletion: 'INDEXED BY tasks_completed_deadline', byId: 'NOT INDEXED' };

function colourGroups(rows: Array<ColourGroup & { assignedDate: string | null; progress: number | null }>): ColourGroup[] {
  for (const r of rows) {
    if (r.assignedDate === null) delete (r as Partial<ColourGroup>).assignedDate;
    if (r.progress === null) delete (r as Partial<ColourGroup>).progress;
  }
  return rows;
}

/** Aggregates for the tallies. Each is one indexed GROUP BY, so cost follows the period, not the table. */
export class SqliteStatsRepository implements StatsRepository {
  constructor(private readonly s: Statements) {}

  async colourGroups(today: string): Promise<ColourGroup[]> {
    // Overdue work is red whatever its stages: it is grouped by unit and deadline alone, read in
    // that order from the open-work index (no sort); its stages are counted only for the work not yet due.
    return colourGroups(
      this.s
        .get(`SELECT lead_unit_id AS "leadUnitId", deadline, NULL AS "assignedDate", NULL AS progress, 0 AS "stagesTotal", 0 AS "stagesDone", count(*) AS n
              FROM tasks ${OPEN_BY_UNIT} WHERE status IN ('pending', 'active') AND parent_id IS NULL AND deadline < ? GROUP BY lead_unit_id, deadline
              UNION ALL
              SELECT lead_unit_id, deadline, assigned_date, progress, stages_total, stages_done, count(*)
              FROM (SELECT t.lead_unit_id, t.deadline, t.assigned_date, t.progress,
                           (SELECT count(*) FROM tasks s WHERE s.parent_id = t.id AND s.status <> 'withdrawn') AS stages_total,
                           (SELECT count(*) FROM tasks s WHERE s.parent_id = t.id AND s.status IN ('completed', 'verified')) AS stages_done
                    FROM tasks t ${OPEN} WHERE t.status IN ('pending', 'active') AND t.parent_id IS NULL AND t.deadline >= ?) x
              GROUP BY lead_unit_id, deadline, assigned_date, progress, stages_total, stages_done`)
        .all(today, today) as Array<ColourGroup & { assignedDate: string | null; progress: number | null }>,
    );
  }

  async openForColours(afterId: number, limit: number): Promise<ColourRow[]> {
    const rows = this.s
      .get(`SELECT t.id, t.lead_unit_id AS leadUnitId, t.status, t.deadline, t.assigned_date AS assignedDate, t.progress,
                   (SELECT count(*) FROM tasks s WHERE s.parent_id = t.id AND s.status <> 'withdrawn') AS stagesTotal,
                   (SELECT count(*) FROM tasks s WHERE s.parent_id = t.id AND s.status IN ('completed', 'verified')) AS stagesDone
            FROM tasks t WHERE t.id > ? AND t.status IN ('pending', 'active') AND t.parent_id IS NULL ORDER BY t.id LIMIT ?`)
      .all(afterId, limit) as Array<ColourRow & { progress: number | null }>;
    for (const r of rows) if (r.progress === null) delete (r as Partial<ColourRow>).progress;
    return rows;
  }

  async trendByUnit(weeks: readonly TrendWeek[]): Promise<TrendCounts[]> {
    if (weeks.length === 0) return [];
    const sql = trendSql(weeks, EXCUSED, '', OVERDUE_HINTS);
    const p = trendParams(weeks);
    type DayRow = { unit: string; day: string; n: number };
    return trendCounts(
      weeks,
      this.s.get(sql.assigned).all(...p.assigned) as DayRow[],
      this.s.get(sql.onTime).all(...p.onTime) as DayRow[],
      this.s.get(sql.overdue).all(...p.overdue) as Array<Record<string, number | string>>,
    );
  }

  async assignedByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(this.s.get(assignedByUnitSql()).all(from, to) as CountRow[]);
  }

  async ackedOnTimeByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      this.s
        .get(`SELECT u.unit_id AS unit, count(*) AS n FROM tasks t JOIN task_units u ON u.task_id = t.id
            WHERE t.assigned_date BETWEEN ? AND ? AND t.parent_id IS NULL AND t.status <> 'withdrawn' AND substr(u.acked_at, 1, 10) <= coalesce(t.ack_due, t.assigned_date)
            GROUP BY u.unit_id`)
        .all(from, to) as CountRow[],
    );
  }

  async ackDueByUnit(from: string, to: string, dueBefore: string): Promise<UnitCounts> {
    return toMap(
      this.s
        .get(`SELECT u.unit_id AS unit, count(*) AS n FROM tasks t JOIN task_units u ON u.task_id = t.id
            WHERE t.assigned_date BETWEEN ? AND ? AND t.parent_id IS NULL AND t.status <> 'withdrawn' AND (coalesce(t.ack_due, t.assigned_date) < ? OR u.acked_at IS NOT NULL)
            GROUP BY u.unit_id`)
        .all(from, to, dueBefore) as CountRow[],
    );
  }

  async completedByUnit(from: string, to: string): Promise<Map<string, { total: number; onTime: number; inExtension: number; late: number }>> {
    const rows = this.s
      .get(`SELECT lead_unit_id AS unit, count(*) AS n, sum(completed_date <= original_deadline) AS on_time,
                   sum(completed_date > original_deadline AND completed_date <= deadline) AS in_ext
            FROM tasks WHERE completed_date BETWEEN ? AND ? AND parent_id IS NULL AND id NOT IN ${EXCUSED} GROUP BY lead_unit_id`)
      .all(from, to) as Array<CountRow & { on_time: number; in_ext: number }>;
    return new Map(rows.map((r) => [r.unit, { total: r.n, onTime: r.on_time, inExtension: r.in_ext, late: r.n - r.on_time - r.in_ext }]));
  }

  async overdueByUnit(dueBefore: string, doneBefore: string): Promise<UnitCounts> {
    const q = overdueSql([{ dueBefore, doneBefore }], EXCUSED, '', OVERDUE_HINTS);
    return overdueCounts(1, this.s.get(q.sql).all(...q.params) as Array<Record<string, number | string>>)[0] ?? new Map();
  }

  async chasesByUnit(from: string, to: string): Promise<UnitCounts> {
    // A task chased on its stages the same day counts as one chase (kept per day in chase_days).
    return toMap(this.s.get(chasesSql(EXCUSED, '', 'INDEXED BY chase_log_task')).all(from, to, from, to) as CountRow[]);
  }

  async coordinationsByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      this.s
        .get(`SELECT requester_unit AS unit, count(*) AS n FROM coordinations
            WHERE opened_at >= ? AND opened_at < ? GROUP BY requester_unit`)
        .all(`${from}T`, `${to}T~`) as CountRow[],
    );
  }

  async untrueByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      this.s
        .get(`SELECT unit_id AS unit, count(*) AS n FROM verifications WHERE verified_date BETWEEN ? AND ? AND result = 'false'
            AND task_id NOT IN ${EXCUSED} GROUP BY unit_id`)
        .all(from, to) as CountRow[],
    );
  }

  async dueByUnit(from: string, to: string): Promise<UnitCounts> {
    return toMap(
      this.s
        .get(`SELECT lead_unit_id AS unit, count(*) AS n FROM tasks
            WHERE original_deadline BETWEEN ? AND ? AND parent_id IS NULL AND status NOT IN ('paused', 'withdrawn') GROUP BY lead_unit_id`)
        .all(from, to) as CountRow[],
    );
  }

  async overdueItems(dueBefore: string, limit: number): Promise<OverdueItem[]> {
    // Stages fold into their task: one item per top-level task, its overdue stages listed under it.
    const rows = this.s
      .get(`SELECT t.id, t.code, t.parent_id, p.id AS root_id, p.code AS root_code, p.title AS root_title,
                   p.lead_unit_id AS root_unit, p.deadline AS root_deadline, t.deadline
            FROM tasks t ${OPEN} JOIN tasks p ON p.id = coalesce(t.parent_id, t.id)
            WHERE t.status IN ('pending', 'active') AND t.deadline < ?
              AND t.id NOT IN (SELECT task_id FROM requests WHERE status = 'pending') AND p.id NOT IN ${EXCUSED}
            ORDER BY t.deadline, t.id LIMIT ?`)
      .all(dueBefore, limit * 4) as Array<{
      id: number;
      code: string;
      parent_id: number | null;
      root_id: number;
      root_code: string;
      root_title: string;
      root_unit: string;
      root_deadline: string;
      deadline: string;
    }>;
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
    const rows = this.s
      .get(`SELECT unit_id AS unit, count(DISTINCT root_id) AS n FROM ladder_events INDEXED BY ladder_events_steps
            WHERE event_date BETWEEN ? AND ? AND step = 1 AND root_id NOT IN ${EXCUSED} GROUP BY unit_id`)
      .all(from, to) as Array<{ unit: string; n: number }>;
    return new Map(rows.map((r) => [r.unit, r.n]));
  }

  async lateCompletions(from: string, to: string, limit: number): Promise<OverdueItem[]> {
    return this.s
      .get(`SELECT id AS taskId, code, title, lead_unit_id AS unitId, original_deadline AS deadline FROM tasks
            WHERE completed_date BETWEEN ? AND ? AND completed_date > deadline AND parent_id IS NULL AND id NOT IN ${EXCUSED} ORDER BY id LIMIT ?`)
      .all(from, to, limit) as OverdueItem[];
  }
}
