import type { PlanExplanation } from '../../src/domain/assessment.js';
import type { AssessmentStatsRepository, PersonFigures, PlanFigures } from '../contracts/assessment.js';
import type { PgSql } from './pg-sql.js';
import { OUT_OF_TALLY } from '../out-of-tally-sql.js';

/** Excused (免责) and withdrawn (撤销交办) tasks: out of the lapse figures and the ranking. */
const EXCUSED = OUT_OF_TALLY;
/** Rectification (整改清单, 限期整改 of a warning) is owed on top of the year's plan, not part of it. */
const NOT_PLAN = `(SELECT task_id FROM rectification_lists UNION ALL
                   SELECT rectify_task_id FROM efficiency_warnings WHERE rectify_task_id IS NOT NULL)`;

type ExplanationRow = { id: number; unit_id: string; plan_year: number; text: string; given_by: string; at: string; given_date: string };
const toExplanation = (r: ExplanationRow): PlanExplanation => ({
  id: r.id,
  unitId: r.unit_id,
  year: r.plan_year,
  text: r.text,
  givenBy: r.given_by,
  at: r.at,
  date: r.given_date,
});

/** Year figures for the 10% rule (H3) and the 年终考核, as the SQLite backend computes them. */
export class PgAssessmentStatsRepository implements AssessmentStatsRepository {
  constructor(private readonly s: PgSql) {}

  async planByUnit(year: number, cutoff: string): Promise<Map<string, PlanFigures>> {
    const rows = await this.s.all<{ unit: string; items: number; missed: number; on_time: number }>(
      `SELECT lead_unit_id AS unit, count(*)::int AS items,
              sum(CASE WHEN deadline < $1 AND (completed_date IS NULL OR completed_date > deadline) THEN 1 ELSE 0 END)::int AS missed,
              sum(CASE WHEN completed_date IS NOT NULL AND completed_date <= deadline THEN 1 ELSE 0 END)::int AS on_time
       FROM tasks
       WHERE parent_id IS NULL AND status <> 'paused'
         AND (original_deadline BETWEEN $2 AND $3 OR id IN (SELECT task_id FROM task_marks WHERE plan_year = $4))
         AND id NOT IN ${EXCUSED} AND id NOT IN ${NOT_PLAN}
       GROUP BY lead_unit_id`,
      cutoff,
      `${year}-01-01`,
      `${year}-12-31`,
      year,
    );
    return new Map(rows.map((r) => [r.unit, { items: r.items, missed: r.missed, onTime: r.on_time }]));
  }

  async byPerson(from: string, to: string, cutoff: string): Promise<PersonFigures[]> {
    const rows = await this.s.all<{ person: string; unit: string; items: number; on_time: number; overdue: number }>(
      `SELECT u.responsible_id AS person, u.unit_id AS unit, count(*)::int AS items,
              sum(CASE WHEN t.completed_date IS NOT NULL AND t.completed_date <= t.deadline THEN 1 ELSE 0 END)::int AS on_time,
              sum(CASE WHEN t.status <> 'paused' AND t.deadline < $3 AND (t.completed_date IS NULL OR t.completed_date > t.deadline) THEN 1 ELSE 0 END)::int AS overdue
       FROM tasks t JOIN task_units u ON u.task_id = t.id
       WHERE t.parent_id IS NULL AND t.original_deadline BETWEEN $1 AND $2 AND t.id NOT IN ${EXCUSED}
       GROUP BY u.responsible_id, u.unit_id ORDER BY u.unit_id, u.responsible_id`,
      from,
      to,
      cutoff,
    );
    return rows.map((r) => ({ personId: r.person, unitId: r.unit, items: r.items, onTime: r.on_time, overdue: r.overdue }));
  }

  async stepsByUnit(from: string, to: string): Promise<Map<string, [number, number, number]>> {
    const rows = await this.s.all<{ unit: string; step: number; n: number }>(
      `SELECT unit_id AS unit, step, count(DISTINCT root_id)::int AS n FROM ladder_events
       WHERE event_date BETWEEN ? AND ? AND root_id NOT IN ${EXCUSED} GROUP BY unit_id, step`,
      from,
      to,
    );
    const out = new Map<string, [number, number, number]>();
    for (const r of rows) {
      const v = out.get(r.unit) ?? [0, 0, 0];
      v[r.step - 1] = r.n;
      out.set(r.unit, v);
    }
    return out;
  }

  async addExplanation(e: Omit<PlanExplanation, 'id'>): Promise<PlanExplanation> {
    const r = await this.s.one<{ id: number }>(
      'INSERT INTO plan_explanations (unit_id, plan_year, text, given_by, at, given_date) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      e.unitId,
      e.year,
      e.text,
      e.givenBy,
      e.at,
      e.date,
    );
    return { ...e, id: r!.id };
  }

  async explanations(year: number): Promise<PlanExplanation[]> {
    return (await this.s.all<ExplanationRow>('SELECT * FROM plan_explanations WHERE plan_year = ? ORDER BY id', year)).map(toExplanation);
  }
}
