import type { ChaseEntry, ChaseRecipient, ChaseRepository, ChaseStepRow, NoticeTask, OverdueCandidate, OverdueChase, OverdueRun, RecipientRow } from '../contracts/chases.js';
import { chaseDaysAdd } from '../chase-days-sql.js';
import { type NoticeRow, noticeTasksOf } from '../notice-rows.js';
import type { PgSql } from './pg-sql.js';

const CHASE_DAYS_PG = chaseDaysAdd();

interface LineRow {
  id: number;
  task_id: number;
  unit_id: string;
  kind: ChaseEntry['kind'];
  chase_no: number | null;
  code: string;
  title: string;
  deadline: string;
  assigned_date: string;
  lead_unit_id: string;
  chase_count: number;
  ladder_step: number;
  climb_stopped_at: string | null;
  accountability_at: string | null;
  person_id: string;
  origin_platform: string;
  origin_chat_id: string;
  proposal: string | null;
}

type Kinds = readonly ChaseEntry['kind'][];
const STEP_COLUMNS = 'id, job_period AS "jobPeriod", task_id AS "taskId", step, trigger, platform, chat_id AS "chatId", unit_id AS "unitId"';

/** The chase ledger, and the pages of a run read back from it. */
export class PgChaseRepository implements ChaseRepository {
  constructor(private readonly s: PgSql) {}

  async record(e: ChaseEntry): Promise<void> {
    const before = e.kind === 'overdue' ? await this.lastId() : undefined;
    await this.s.run(
      `INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period, root_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(parent_id, id) FROM tasks WHERE id = ?))`,
      e.taskId,
      e.unitId,
      e.personId,
      e.kind,
      e.chaseNo ?? null,
      e.chasedDate,
      e.jobPeriod,
      e.taskId,
    );
    if (before !== undefined) await this.s.run(CHASE_DAYS_PG, before, before);
  }

  async forTask(taskId: number): Promise<ChaseEntry[]> {
    const rows = await this.s.all<{
      task_id: number;
      unit_id: string;
      person_id: string;
      kind: ChaseEntry['kind'];
      chase_no: number | null;
      chased_date: string;
      job_period: string;
    }>('SELECT * FROM chase_log WHERE task_id = ? ORDER BY id', taskId);
    return rows.map((r) => ({
      taskId: r.task_id,
      unitId: r.unit_id,
      personId: r.person_id,
      kind: r.kind,
      chaseNo: r.chase_no ?? undefined,
      chasedDate: r.chased_date,
      jobPeriod: r.job_period,
    }));
  }

  async lastId(): Promise<number> {
    return (await this.s.one<{ n: number }>('SELECT coalesce(max(id), 0)::int AS n FROM chase_log'))?.n ?? 0;
  }

  async runRows(jobPeriod: string, afterId: number, kinds: Kinds, limit: number): Promise<Array<ChaseRecipient & { id: number }>> {
    return this.s.all<ChaseRecipient & { id: number }>(
      `SELECT l.id, t.origin_platform AS platform, t.origin_chat_id AS "chatId", l.person_id AS "personId", l.id AS first
       FROM chase_log l JOIN tasks t ON t.id = l.task_id
       WHERE l.id > ? AND l.job_period = ? AND l.kind = ANY(?::text[]) ORDER BY l.id LIMIT ?`,
      afterId,
      jobPeriod,
      [...kinds],
      limit,
    );
  }

  async rowsFor(ids: readonly number[]): Promise<RecipientRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.s.all<LineRow>(
      `SELECT l.id, l.task_id, l.unit_id, l.kind, l.chase_no, l.person_id, t.origin_platform, t.origin_chat_id, t.code, t.title, t.deadline, t.assigned_date,
              t.lead_unit_id, t.chase_count, t.ladder_step, t.climb_stopped_at, t.accountability_at,
              CASE WHEN t.ladder_step >= 3 THEN (SELECT p.status FROM handover_proposals p WHERE p.task_id = t.id ORDER BY p.id DESC LIMIT 1) END AS proposal
       FROM chase_log l JOIN tasks t ON t.id = l.task_id
       WHERE l.id = ANY(?::int[])
       ORDER BY l.id`,
      [...ids],
    );
    return rows.map((x) => ({
      id: x.id,
      taskId: x.task_id,
      unitId: x.unit_id,
      kind: x.kind,
      chaseNo: x.chase_no ?? undefined,
      platform: x.origin_platform,
      chatId: x.origin_chat_id,
      personId: x.person_id,
      task: {
        id: x.task_id,
        code: x.code,
        title: x.title,
        deadline: x.deadline,
        assignedDate: x.assigned_date,
        leadUnitId: x.lead_unit_id,
        chaseCount: x.chase_count,
        ladderStep: x.ladder_step,
        climbStoppedAt: x.climb_stopped_at ?? undefined,
        accountabilityAt: x.accountability_at ?? undefined,
        proposal: x.proposal ?? undefined,
      },
    }));
  }

  async recordStep(x: Omit<ChaseStepRow, 'id'>): Promise<void> {
    await this.s.run(
      'INSERT INTO chase_steps (job_period, task_id, step, trigger, platform, chat_id, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      x.jobPeriod,
      x.taskId,
      x.step,
      x.trigger,
      x.platform,
      x.chatId,
      x.unitId,
    );
  }

  async lastStepId(): Promise<number> {
    return (await this.s.one<{ n: number }>('SELECT coalesce(max(id), 0)::int AS n FROM chase_steps'))?.n ?? 0;
  }

  async stepRows(jobPeriod: string, afterId: number, limit: number): Promise<ChaseStepRow[]> {
    return this.s.all<ChaseStepRow>(`SELECT ${STEP_COLUMNS} FROM chase_steps WHERE id > ? AND job_period = ? ORDER BY id LIMIT ?`, afterId, jobPeriod, limit);
  }

  async stepsById(ids: readonly number[]): Promise<ChaseStepRow[]> {
    if (ids.length === 0) return [];
    return this.s.all<ChaseStepRow>(`SELECT ${STEP_COLUMNS} FROM chase_steps WHERE id = ANY(?::int[]) ORDER BY id`, [...ids]);
  }

  async noticeTasks(ids: readonly number[]): Promise<NoticeTask[]> {
    if (ids.length === 0) return [];
    const rows = await this.s.all<NoticeRow>(
      `SELECT t.id, t.code, t.title, t.deadline, t.chase_count AS "chaseCount", t.ladder_step AS "ladderStep", t.lead_unit_id AS "leadUnitId",
              t.assigner_id AS "assignerId", t.parent_id AS "parentId", u.responsible_id AS "responsibleId"
       FROM tasks t LEFT JOIN task_units u ON u.task_id = t.id AND u.role = 'lead'
       WHERE t.id = ANY(?::int[])
       ORDER BY t.id`,
      [...ids],
    );
    return noticeTasksOf(rows);
  }

  async overdueAfter(today: string, afterId: number, throughId: number, limit: number): Promise<OverdueCandidate[]> {
    const rows = await this.s.all<OverdueCandidate & { lastChasedDate: string | null; climbStoppedAt: string | null }>(
      `SELECT id, chase_count AS "chaseCount", last_chased_date AS "lastChasedDate", deadline, ladder_step AS "ladderStep",
              climb_stopped_at AS "climbStoppedAt", lead_unit_id AS "leadUnitId", origin_platform AS platform, origin_chat_id AS "chatId"
       FROM tasks WHERE id > ? AND id <= ? AND status IN ('pending', 'active') AND deadline < ? ORDER BY id LIMIT ?`,
      afterId,
      throughId,
      today,
      limit,
    );
    for (const r of rows) {
      if (r.lastChasedDate === null) delete (r as Partial<OverdueCandidate>).lastChasedDate;
      if (r.climbStoppedAt === null) delete (r as Partial<OverdueCandidate>).climbStoppedAt;
    }
    return rows;
  }

  async lastTaskId(): Promise<number> {
    return (await this.s.one<{ n: number }>('SELECT coalesce(max(id), 0)::int AS n FROM tasks'))?.n ?? 0;
  }

  async recordOverdue(chases: readonly OverdueChase[], run: OverdueRun): Promise<void> {
    if (chases.length === 0) return;
    const ids = chases.map((c) => c.taskId);
    await this.s.run('UPDATE tasks SET chase_count = chase_count + 1, last_chased_date = ?, updated_at = ? WHERE id = ANY(?::int[])', run.date, run.at, ids);
    await this.s.run(
      `INSERT INTO audit_log (at, actor_id, action, task_id, details, job)
       SELECT ?, 'system', 'chase', x.t, x.d, ? FROM unnest(?::int[], ?::text[]) WITH ORDINALITY AS x(t, d, o) ORDER BY x.o`,
      run.at,
      run.job,
      ids,
      chases.map((c) => c.details),
    );
    const steps = chases.filter((c) => c.step !== undefined);
    if (steps.length > 0) {
      await this.s.run(
        `INSERT INTO chase_steps (job_period, task_id, step, trigger, platform, chat_id, unit_id)
         SELECT ?, x.t, x.s, 'chase', x.p, x.c, x.u FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS x(t, s, p, c, u, o) ORDER BY x.o`,
        run.jobPeriod,
        steps.map((c) => c.taskId),
        steps.map((c) => c.step),
        steps.map((c) => c.platform),
        steps.map((c) => c.chatId),
        steps.map((c) => c.leadUnitId),
      );
    }
    const before = await this.lastId();
    await this.s.run(
      `INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period, root_id)
       SELECT u.task_id, u.unit_id, u.responsible_id, 'overdue', t.chase_count, ?, ?, coalesce(t.parent_id, t.id)
       FROM tasks t JOIN task_units u ON u.task_id = t.id
       WHERE t.id = ANY(?::int[]) AND (u.role = 'lead' OR u.part_done_at IS NULL)
       ORDER BY t.id, CASE u.role WHEN 'lead' THEN 0 ELSE 1 END, u.seq`,
      run.date,
      run.jobPeriod,
      ids,
    );
    await this.s.run(CHASE_DAYS_PG, before, before);
  }
}
