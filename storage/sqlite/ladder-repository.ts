import type { HandoverProposal, LadderEvent, LadderNote } from '../../src/domain/ladder.js';
import type { LadderRepository, StepReach } from '../ladder-repositories.js';
import type { Statements } from './statements.js';

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

export class SqliteLadderRepository implements LadderRepository {
  constructor(private readonly s: Statements) {}

  async nextNoticeNo(issuer: string, year: number): Promise<number> {
    const row = this.s.get(`INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`).get(`notice:${issuer}:${year}`) as { value: number };
    return row.value;
  }

  async addEvent(e: Omit<LadderEvent, 'id'>): Promise<void> {
    this.s
      .get('INSERT INTO ladder_events (task_id, root_id, unit_id, step, trigger, event_date, at, notice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.taskId, e.rootId, e.unitId, e.step, e.trigger, e.date, e.at, e.notice ?? null);
  }

  async reachSteps(step: 1 | 2 | 3, items: readonly StepReach[], o: { date: string; at: string; notice?: string; job: string }): Promise<void> {
    if (items.length === 0) return;
    const json = JSON.stringify(items.map((i) => ({ t: i.taskId, r: i.rootId, u: i.unitId, g: i.trigger, d: i.details, n: i.notice ?? o.notice ?? null })));
    this.s
      .get(`INSERT INTO ladder_events (task_id, root_id, unit_id, step, trigger, event_date, at, notice)
            SELECT j.value ->> '$.t', j.value ->> '$.r', j.value ->> '$.u', ?, j.value ->> '$.g', ?, ?, j.value ->> '$.n' FROM json_each(?) j ORDER BY j.key`)
      .run(step, o.date, o.at, json);
    const ids = JSON.stringify(items.map((i) => i.taskId));
    this.s.get('UPDATE tasks SET ladder_step = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND ladder_step < ?').run(step, o.at, ids, step);
    if (step === 3) {
      this.s
        .get(`INSERT INTO handover_proposals (task_id, status, listed_at)
              SELECT j.value, 'listed', ? FROM json_each(?) j
              WHERE coalesce((SELECT p.status FROM handover_proposals p WHERE p.task_id = j.value ORDER BY p.id DESC LIMIT 1), 'withdrawn') = 'withdrawn'
              ORDER BY j.key`)
        .run(o.at, ids);
    }
    this.s
      .get(`INSERT INTO audit_log (at, actor_id, action, task_id, details, job)
            SELECT ?, 'system', 'ladder_step', j.value ->> '$.t', j.value ->> '$.d', ? FROM json_each(?) j ORDER BY j.key`)
      .run(o.at, o.job, json);
  }

  async eventsForTask(taskId: number): Promise<LadderEvent[]> {
    return (this.s.get('SELECT * FROM ladder_events WHERE task_id = ? ORDER BY id').all(taskId) as Row[]).map(toEvent);
  }

  async eventsForNotice(notice: string): Promise<LadderEvent[]> {
    return (this.s.get('SELECT * FROM ladder_events WHERE notice = ? ORDER BY id').all(notice) as Row[]).map(toEvent);
  }

  async events(f: { from: string; to: string; unitId?: string; minStep?: number; limit?: number }): Promise<LadderEvent[]> {
    const rows = this.s
      .get(`SELECT * FROM ladder_events WHERE event_date BETWEEN @from AND @to AND (@unit IS NULL OR unit_id = @unit)
            AND step >= @step ORDER BY event_date, id LIMIT @limit`)
      .all({ from: f.from, to: f.to, unit: f.unitId ?? null, step: f.minStep ?? 1, limit: f.limit ?? 200 }) as Row[];
    return rows.map(toEvent);
  }

  async addNote(n: Omit<LadderNote, 'id'>): Promise<LadderNote> {
    const info = this.s
      .get(`INSERT INTO ladder_notes (task_id, kind, author_id, leader_id, text, measures, due, at, status, note_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(n.taskId, n.kind, n.authorId, n.leaderId, n.text, n.measures ?? null, n.due ?? null, n.at, n.status, n.date);
    return { ...n, id: Number(info.lastInsertRowid) };
  }

  async notesForTask(taskId: number): Promise<LadderNote[]> {
    return (this.s.get('SELECT * FROM ladder_notes WHERE task_id = ? ORDER BY id').all(taskId) as Row[]).map(toNote);
  }

  async notes(kind: LadderNote['kind'], statuses: ReadonlyArray<LadderNote['status']>): Promise<LadderNote[]> {
    const rows = this.s.get(`SELECT * FROM ladder_notes WHERE kind = ? AND status IN (SELECT value FROM json_each(?)) ORDER BY id`).all(kind, JSON.stringify(statuses)) as Row[];
    return rows.map(toNote);
  }

  async setNoteStatus(id: number, status: LadderNote['status']): Promise<void> {
    this.s.get('UPDATE ladder_notes SET status = ? WHERE id = ?').run(status, id);
  }

  async currentProposal(taskId: number): Promise<HandoverProposal | undefined> {
    const row = this.s.get('SELECT * FROM handover_proposals WHERE task_id = ? ORDER BY id DESC LIMIT 1').get(taskId) as Row | undefined;
    return row ? toProposal(row) : undefined;
  }

  async openProposals(): Promise<HandoverProposal[]> {
    return (this.s.get(`SELECT * FROM handover_proposals WHERE status IN ('listed', 'proposed') ORDER BY id`).all() as Row[]).map(toProposal);
  }

  async list(taskId: number, at: string): Promise<HandoverProposal> {
    const info = this.s.get(`INSERT INTO handover_proposals (task_id, status, listed_at) VALUES (?, 'listed', ?)`).run(taskId, at);
    return { id: Number(info.lastInsertRowid), taskId, status: 'listed', listedAt: at };
  }

  async updateProposal(id: number, patch: Partial<Omit<HandoverProposal, 'id' | 'taskId' | 'listedAt'>>): Promise<void> {
    const entries = Object.entries(patch).filter(([k]) => k in PROPOSAL_COLUMNS);
    if (entries.length === 0) return;
    this.s.get(`UPDATE handover_proposals SET ${entries.map(([k]) => `${PROPOSAL_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, v]) => v ?? null), id);
  }
}
