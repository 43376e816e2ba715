import type { ChaseEntry, ChaseRecipient, ChaseRepository, ChaseStepRow, NoticeTask, OverdueCandidate, OverdueChase, OverdueRun, RecipientRow } from '../scheduling-repositories.js';
import { chaseDaysAdd } from '../chase-days-sql.js';
import { type NoticeRow, noticeTasksOf } from '../notice-rows.js';
import type { Statements } from './statements.js';

/** The page's new ledger rows by id (storage/chase-days-sql.ts). */
const CHASE_DAYS_SQLITE = chaseDaysAdd('NOT INDEXED');

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

function toRecipientRow(x: LineRow): RecipientRow {
  return {
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
  };
}

type Kinds = readonly ChaseEntry['kind'][];
const inList = (kinds: Kinds) => kinds.map(() => '?').join(', ');

export class SqliteChaseRepository implements ChaseRepository {
  constructor(private readonly s: Statements) {}

  async record(e: ChaseEntry): Promise<void> {
    const before = e.kind === 'overdue' ? await this.lastId() : undefined;
    this.s
      .get(`INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period, root_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(parent_id, id) FROM tasks WHERE id = ?))`)
      .run(e.taskId, e.unitId, e.personId, e.kind, e.chaseNo ?? null, e.chasedDate, e.jobPeriod, e.taskId);
    if (before !== undefined) this.s.get(CHASE_DAYS_SQLITE).run(before, before);
  }

  async forTask(taskId: number): Promise<ChaseEntry[]> {
    const rows = this.s.get('SELECT * FROM chase_log WHERE task_id = ? ORDER BY id').all(taskId) as Array<{
      task_id: number;
      unit_id: string;
      person_id: string;
      kind: ChaseEntry['kind'];
      chase_no: number | null;
      chased_date: string;
      job_period: string;
    }>;
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
    return (this.s.get('SELECT coalesce(max(id), 0) AS n FROM chase_log').get() as { n: number }).n;
  }

  // By id from the run's start (`+`: no index on kind or period, which would read the whole history and sort it).
  async runRows(jobPeriod: string, afterId: number, kinds: Kinds, limit: number): Promise<Array<ChaseRecipient & { id: number }>> {
    return this.s
      .get(`SELECT l.id, t.origin_platform AS platform, t.origin_chat_id AS chatId, l.person_id AS personId, l.id AS first
            FROM chase_log l JOIN tasks t ON t.id = l.task_id
            WHERE l.id > ? AND +l.job_period = ? AND +l.kind IN (${inList(kinds)}) ORDER BY l.id LIMIT ?`)
      .all(afterId, jobPeriod, ...kinds, limit) as Array<ChaseRecipient & { id: number }>;
  }

  async rowsFor(ids: readonly number[]): Promise<RecipientRow[]> {
    if (ids.length === 0) return [];
    const rows = this.s
      .get(`SELECT l.id, l.task_id, l.unit_id, l.kind, l.chase_no, l.person_id, t.origin_platform, t.origin_chat_id, t.code, t.title, t.deadline, t.assigned_date,
                   t.lead_unit_id, t.chase_count, t.ladder_step, t.climb_stopped_at, t.accountability_at,
                   CASE WHEN t.ladder_step >= 3 THEN (SELECT p.status FROM handover_proposals p WHERE p.task_id = t.id ORDER BY p.id DESC LIMIT 1) END AS proposal
            FROM chase_log l JOIN tasks t ON t.id = l.task_id
            WHERE l.id IN (SELECT value FROM json_each(?))
            ORDER BY l.id`)
      .all(JSON.stringify(ids)) as LineRow[];
    return rows.map(toRecipientRow);
  }

  async recordStep(x: Omit<ChaseStepRow, 'id'>): Promise<void> {
    this.s
      .get('INSERT INTO chase_steps (job_period, task_id, step, trigger, platform, chat_id, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(x.jobPeriod, x.taskId, x.step, x.trigger, x.platform, x.chatId, x.unitId);
  }

  async lastStepId(): Promise<number> {
    return (this.s.get('SELECT coalesce(max(id), 0) AS n FROM chase_steps').get() as { n: number }).n;
  }

  // By id from the run's start, as runRows.
  async stepRows(jobPeriod: string, afterId: number, limit: number): Promise<ChaseStepRow[]> {
    return this.s
      .get(`SELECT id, job_period AS jobPeriod, task_id AS taskId, step, trigger, platform, chat_id AS chatId, unit_id AS unitId
            FROM chase_steps WHERE id > ? AND +job_period = ? ORDER BY id LIMIT ?`)
      .all(afterId, jobPeriod, limit) as ChaseStepRow[];
  }

  async stepsById(ids: readonly number[]): Promise<ChaseStepRow[]> {
    if (ids.length === 0) return [];
    return this.s
      .get(`SELECT id, job_period AS jobPeriod, task_id AS taskId, step, trigger, platform, chat_id AS chatId, unit_id AS unitId
            FROM chase_steps WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(ids)) as ChaseStepRow[];
  }

  async noticeTasks(ids: readonly number[]): Promise<NoticeTask[]> {
    if (ids.length === 0) return [];
    const rows = this.s
      .get(`SELECT t.id, t.code, t.title, t.deadline, t.chase_count AS chaseCount, t.ladder_step AS ladderStep, t.lead_unit_id AS leadUnitId,
                   t.assigner_id AS assignerId, t.parent_id AS parentId, u.responsible_id AS responsibleId
            FROM tasks t LEFT JOIN task_units u ON u.task_id = t.id AND u.role = 'lead'
            WHERE t.id IN (SELECT value FROM json_each(?))
            ORDER BY t.id`)
      .all(JSON.stringify(ids)) as NoticeRow[];
    return noticeTasksOf(rows);
  }

  async overdueAfter(today: string, afterId: number, throughId: number, limit: number): Promise<OverdueCandidate[]> {
    // By id: the overdue tasks are scattered over the table, and a page wants the next ones.
    const rows = this.s
      .get(`SELECT id, chase_count AS chaseCount, last_chased_date AS lastChasedDate, deadline, ladder_step AS ladderStep,
                   climb_stopped_at AS climbStoppedAt, lead_unit_id AS leadUnitId, origin_platform AS platform, origin_chat_id AS chatId
            FROM tasks NOT INDEXED WHERE id > ? AND id <= ? AND status IN ('pending', 'active') AND deadline < ? ORDER BY id LIMIT ?`)
      .all(afterId, throughId, today, limit) as Array<OverdueCandidate & { lastChasedDate: string | null; climbStoppedAt: string | null }>;
    for (const r of rows) {
      if (r.lastChasedDate === null) delete (r as Partial<OverdueCandidate>).lastChasedDate;
      if (r.climbStoppedAt === null) delete (r as Partial<OverdueCandidate>).climbStoppedAt;
    }
    return rows;
  }

  async lastTaskId(): Promise<number> {
    return (this.s.get('SELECT coalesce(max(id), 0) AS n FROM tasks').get() as { n: number }).n;
  }

  async recordOverdue(chases: readonly OverdueChase[], run: OverdueRun): Promise<void> {
    if (chases.length === 0) return;
    const ids = JSON.stringify(chases.map((c) => c.taskId));
    this.s.get('UPDATE tasks SET chase_count = chase_count + 1, last_chased_date = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(run.date, run.at, ids);
    this.s
      .get(`INSERT INTO audit_log (at, actor_id, action, task_id, details, job)
            SELECT ?, 'system', 'chase', j.value ->> '$.t', j.value ->> '$.d', ? FROM json_each(?) j ORDER BY j.key`)
      .run(run.at, run.job, JSON.stringify(chases.map((c) => ({ t: c.taskId, d: c.details }))));
    const steps = chases.filter((c) => c.step !== undefined);
    if (steps.length > 0) {
      this.s
        .get(`INSERT INTO chase_steps (job_period, task_id, step, trigger, platform, chat_id, unit_id)
              SELECT ?, j.value ->> '$.t', j.value ->> '$.s', 'chase', j.value ->> '$.p', j.value ->> '$.c', j.value ->> '$.u' FROM json_each(?) j ORDER BY j.key`)
        .run(run.jobPeriod, JSON.stringify(steps.map((c) => ({ t: c.taskId, s: c.step, p: c.platform, c: c.chatId, u: c.leadUnitId }))));
    }
    const before = await this.lastId();
    this.s
      .get(`INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period, root_id)
            SELECT u.task_id, u.unit_id, u.responsible_id, 'overdue', t.chase_count, ?, ?, coalesce(t.parent_id, t.id)
            FROM tasks t JOIN task_units u ON u.task_id = t.id
            WHERE t.id IN (SELECT value FROM json_each(?)) AND (u.role = 'lead' OR u.part_done_at IS NULL)
            ORDER BY t.id, CASE u.role WHEN 'lead' THEN 0 ELSE 1 END, u.rowid`)
      .run(run.date, run.jobPeriod, ids);
    this.s.get(CHASE_DAYS_SQLITE).run(before, before);
  }
}
