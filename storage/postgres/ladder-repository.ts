import type { HandoverProposal, LadderEvent, LadderNote } from '../../src/domain/ladder.js';
import type { LadderRepository, StepReach } from '../ladder-repositories.js';
import type { PgSql } from './pg-sql.js';

type Row = Record<string, unknown>;
const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));

const toEvent = (r: Row): LadderEvent => ({
  id: r.id as number,
  taskId: r.task_id as number,
  rootId: r.root_id as number,
  unitId: r.unit_id as string,
  step: r.step as LadderEvent['step'],
  trigger: r.trigger as LadderEvent['trigger'],
  date: r.event_date as string,
  at: r.at as string,
  notice: opt(r.notice),
});

const toNote = (r: Row): LadderNote => ({
  id: r.id as number,
  taskId: r.task_id as number,
  kind: r.kind as LadderNote['kind'],
  authorId: r.author_id as string,
  leaderId: r.leader_id as string,
  text: r.text as string,
  measures: opt(r.measures),
  due: opt(r.due),
  at: r.at as string,
  date: r.note_date as string,
  status: r.status as LadderNote['status'],
});

const toProposal = (r: Row): HandoverProposal => ({
  id: r.id as number,
  taskId: r.task_id as number,
  status: r.status as HandoverProposal['status'],
  listedAt: r.listed_at as string,
  proposedBy: opt(r.proposed_by),
  proposedAt: opt(r.proposed_at),
  reason: opt(r.reason),
  approverId: opt(r.approver_id),
  decidedBy: opt(r.decided_by),
  decidedAt: opt(r.decided_at),
  decisionNote: opt(r.decision_note),
  headId: opt(r.head_id),
  directId: opt(r.direct_id),
});

const PROPOSAL_COLUMNS: Record<string, string> = {
  status: 'status',
  proposedBy: 'proposed_by',
  proposedAt: 'proposed_at',
  reason: 'reason',
  approverId: 'approver_id',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  decisionNote: 'decision_note',
  headId: 'head_id',
  directId: 'direct_id',
};

/** 两通报、一移交 on PostgreSQL. */
export class PgLadderRepository implements LadderRepository {
  constructor(private readonly s: PgSql) {}

  async nextNoticeNo(issuer: string, year: number): Promise<number> {
    const row = await this.s.one<{ value: number }>(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value',
      `notice:${issuer}:${year}`,
    );
    return row!.value;
  }

  async addEvent(e: Omit<LadderEvent, 'id'>): Promise<void> {
    await this.s.run(
      'INSERT INTO ladder_events (task_id, root_id, unit_id, step, trigger, event_date, at, notice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      e.taskId,
      e.rootId,
      e.unitId,
      e.step,
      e.trigger,
      e.date,
      e.at,
      e.notice ?? null,
    );
  }

  async reachSteps(step: 1 | 2 | 3, items: readonly StepReach[], o: { date: string; at: string; notice?: string; job: string }): Promise<void> {
    if (items.length === 0) return;
    const ids = items.map((i) => i.taskId);
    await this.s.run(
      `INSERT INTO ladder_events (task_id, root_id, unit_id, step, trigger, event_date, at, notice)
       SELECT x.t, x.r, x.u, ?, x.g, ?, ?, x.n FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS x(t, r, u, g, n, o) ORDER BY x.o`,
      step,
      o.date,
      o.at,
      ids,
      items.map((i) => i.rootId),
      items.map((i) => i.unitId),
      items.map((i) => i.trigger),
      items.map((i) => i.notice ?? o.notice ?? null),
    );
    await this.s.run('UPDATE tasks SET ladder_step = ?, updated_at = ? WHERE id = ANY(?::int[]) AND ladder_step < ?', step, o.at, ids, step);
    if (step === 3) {
      await this.s.run(
        `INSERT INTO handover_proposals (task_id, status, listed_at)
         SELECT x.t, 'listed', ? FROM unnest(?::int[]) WITH ORDINALITY AS x(t, o)
         WHERE coalesce((SELECT p.status FROM handover_proposals p WHERE p.task_id = x.t ORDER BY p.id DESC LIMIT 1), 'withdrawn') = 'withdrawn'
         ORDER BY x.o`,
        o.at,
        ids,
      );
    }
    await this.s.run(
      `INSERT INTO audit_log (at, actor_id, action, task_id, details, job)
       SELECT ?, 'system', 'ladder_step', x.t, x.d, ? FROM unnest(?::int[], ?::text[]) WITH ORDINALITY AS x(t, d, o) ORDER BY x.o`,
      o.at,
      o.job,
      ids,
      items.map((i) => i.details),
    );
  }

  async eventsForTask(taskId: number): Promise<LadderEvent[]> {
    return (await this.s.all<Row>('SELECT * FROM ladder_events WHERE task_id = ? ORDER BY id', taskId)).map(toEvent);
  }

  async eventsForNotice(notice: string): Promise<LadderEvent[]> {
    return (await this.s.all<Row>('SELECT * FROM ladder_events WHERE notice = ? ORDER BY id', notice)).map(toEvent);
  }

  async events(f: { from: string; to: string; unitId?: string; minStep?: number; limit?: number }): Promise<LadderEvent[]> {
    const rows = await this.s.all<Row>(
      `SELECT * FROM ladder_events WHERE event_date BETWEEN ? AND ? AND (?::text IS NULL OR unit_id = ?::text)
       AND step >= ? ORDER BY event_date, id LIMIT ?`,
      f.from,
      f.to,
      f.unitId ?? null,
      f.unitId ?? null,
      f.minStep ?? 1,
      f.limit ?? 200,
    );
    return rows.map(toEvent);
  }

  async addNote(n: Omit<LadderNote, 'id'>): Promise<LadderNote> {
    const row = await this.s.one<{ id: number }>(
      `INSERT INTO ladder_notes (task_id, kind, author_id, leader_id, text, measures, due, at, status, note_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      n.taskId,
      n.kind,
      n.authorId,
      n.leaderId,
      n.text,
      n.measures ?? null,
      n.due ?? null,
      n.at,
      n.status,
      n.date,
    );
    return { ...n, id: row!.id };
  }

  async notesForTask(taskId: number): Promise<LadderNote[]> {
    return (await this.s.all<Row>('SELECT * FROM ladder_notes WHERE task_id = ? ORDER BY id', taskId)).map(toNote);
  }

  async notes(kind: LadderNote['kind'], statuses: ReadonlyArray<LadderNote['status']>): Promise<LadderNote[]> {
    return (await this.s.all<Row>('SELECT * FROM ladder_notes WHERE kind = ? AND status = ANY(?::text[]) ORDER BY id', kind, [...statuses])).map(toNote);
  }

  async setNoteStatus(id: number, status: LadderNote['status']): Promise<void> {
    await this.s.run('UPDATE ladder_notes SET status = ? WHERE id = ?', status, id);
  }

  async currentProposal(taskId: number): Promise<HandoverProposal | undefined> {
    const row = await this.s.one<Row>('SELECT * FROM handover_proposals WHERE task_id = ? ORDER BY id DESC LIMIT 1', taskId);
    return row ? toProposal(row) : undefined;
  }

  async openProposals(): Promise<HandoverProposal[]> {
    return (await this.s.all<Row>(`SELECT * FROM handover_proposals WHERE status IN ('listed', 'proposed') ORDER BY id`)).map(toProposal);
  }

  async list(taskId: number, at: string): Promise<HandoverProposal> {
    const row = await this.s.one<{ id: number }>(`INSERT INTO handover_proposals (task_id, status, listed_at) VALUES (?, 'listed', ?) RETURNING id`, taskId, at);
    return { id: row!.id, taskId, status: 'listed', listedAt: at };
  }

  async updateProposal(id: number, patch: Partial<Omit<HandoverProposal, 'id' | 'taskId' | 'listedAt'>>): Promise<void> {
    const entries = Object.entries(patch).filter(([k]) => k in PROPOSAL_COLUMNS);
    if (entries.length === 0) return;
    await this.s.run(`UPDATE handover_proposals SET ${entries.map(([k]) => `${PROPOSAL_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`, ...entries.map(([, v]) => v ?? null), id);
  }
}
