import type { Coordination, CoordinationLevel, CoordinationParty, CoordinationStatus } from '../../src/domain/coordination.js';
import { formatCoordinationCode } from '../../src/domain/coordination.js';
import type { CoordinationPatch, CoordinationRepository, NewCoordination } from '../exception-repositories.js';
import type { PgSql } from './pg-sql.js';

interface Row {
  id: number;
  code: string;
  task_id: number;
  requester_id: string;
  requester_unit: string;
  reason: string;
  owner_id: string;
  owner_note: string | null;
  level: number;
  level_since: string;
  status: string;
  opinion: string | null;
  opinion_by: string | null;
  opinion_at: string | null;
  opened_at: string;
  closed_at: string | null;
  close_reason: string | null;
  origin_platform: string;
  origin_chat_id: string;
}

interface PartyRow {
  coordination_id: number;
  unit_id: string;
  stance: 'agree' | 'disagree' | null;
  position: string | null;
  stated_by: string | null;
  stated_at: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

const PATCH: ReadonlyArray<[keyof CoordinationPatch, string]> = [
  ['level', 'level'],
  ['levelSince', 'level_since'],
  ['status', 'status'],
  ['opinion', 'opinion'],
  ['opinionBy', 'opinion_by'],
  ['opinionAt', 'opinion_at'],
  ['closedAt', 'closed_at'],
  ['closeReason', 'close_reason'],
  ['ownerId', 'owner_id'],
  ['ownerNote', 'owner_note'],
  ['requesterId', 'requester_id'],
];

/** 协调 on PostgreSQL: handlers in their join table, parties in theirs. */
export class PgCoordinationRepository implements CoordinationRepository {
  constructor(private readonly s: PgSql) {}

  async create(c: NewCoordination): Promise<Coordination> {
    const n = await this.s.one<{ value: number }>(`INSERT INTO counters (name, value) VALUES ('coordination', 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`);
    const code = formatCoordinationCode(n!.value);
    const row = await this.s.one<{ id: number }>(
      `INSERT INTO coordinations (code, task_id, requester_id, requester_unit, reason, owner_id, owner_note,
         level_since, status, opened_at, origin_platform, origin_chat_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id`,
      code,
      c.taskId,
      c.requesterId,
      c.requesterUnit,
      c.reason,
      c.ownerId,
      c.ownerNote ?? null,
      c.levelSince,
      c.openedAt,
      c.origin.platform,
      c.origin.chatId,
    );
    const id = row!.id;
    await this.setHandlers(id, c.handlerIds);
    for (const u of c.partyUnits) await this.s.run('INSERT INTO coordination_parties (coordination_id, unit_id) VALUES (?, ?)', id, u);
    const created = await this.findByCode(code);
    if (!created) throw new Error('coordination vanished after insert');
    return created;
  }

  async findByCode(code: string): Promise<Coordination | undefined> {
    const row = await this.s.one<Row>('SELECT * FROM coordinations WHERE code = ?', code);
    return row ? (await this.hydrate([row]))[0] : undefined;
  }

  async forTask(taskId: number): Promise<Coordination[]> {
    return this.hydrate(await this.s.all<Row>('SELECT * FROM coordinations WHERE task_id = ? ORDER BY id', taskId));
  }

  async unresolved(limit = 10_000): Promise<Coordination[]> {
    return this.hydrate(await this.s.all<Row>("SELECT * FROM coordinations WHERE status <> 'closed' ORDER BY id LIMIT ?", limit));
  }

  async update(id: number, patch: CoordinationPatch): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [key, col] of PATCH) {
      if (patch[key] === undefined) continue;
      sets.push(`${col} = ?`);
      params.push(patch[key]);
    }
    if (sets.length > 0) await this.s.run(`UPDATE coordinations SET ${sets.join(', ')} WHERE id = ?`, ...params, id);
    if (patch.handlerIds !== undefined) await this.setHandlers(id, patch.handlerIds);
  }

  private async setHandlers(id: number, handlerIds: readonly string[]): Promise<void> {
    await this.s.run('DELETE FROM coordination_handlers WHERE coordination_id = ?', id);
    for (const [i, h] of handlerIds.entries()) {
      await this.s.run('INSERT INTO coordination_handlers (coordination_id, position, person_id) VALUES (?, ?, ?)', id, i, h);
    }
  }

  async state(id: number, unitId: string, stance: 'agree' | 'disagree', position: string, by: string, at: string, confirmedBy?: string): Promise<void> {
    await this.s.run(
      `INSERT INTO coordination_parties (coordination_id, unit_id, stance, position, stated_by, stated_at, confirmed_by, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (coordination_id, unit_id) DO UPDATE SET stance = excluded.stance, position = excluded.position,
         stated_by = excluded.stated_by, stated_at = excluded.stated_at, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`,
      id,
      unitId,
      stance,
      position,
      by,
      at,
      confirmedBy ?? null,
      confirmedBy ? at : null,
    );
  }

  async confirm(id: number, unitId: string, by: string, at: string): Promise<void> {
    await this.s.run('UPDATE coordination_parties SET confirmed_by = ?, confirmed_at = ? WHERE coordination_id = ? AND unit_id = ?', by, at, id, unitId);
  }

  async resetStances(id: number): Promise<void> {
    await this.s.run('UPDATE coordination_parties SET stance = NULL, position = NULL, stated_by = NULL, stated_at = NULL, confirmed_by = NULL, confirmed_at = NULL WHERE coordination_id = ?', id);
  }

  async involving(personId: string): Promise<Coordination[]> {
    return this.hydrate(
      await this.s.all<Row>(
        `SELECT * FROM coordinations WHERE status <> 'closed' AND (owner_id = ? OR requester_id = ?
         OR id IN (SELECT coordination_id FROM coordination_handlers WHERE person_id = ?)) ORDER BY id`,
        personId,
        personId,
        personId,
      ),
    );
  }

  private async hydrate(rows: Row[]): Promise<Coordination[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const parties = await this.s.all<PartyRow>('SELECT * FROM coordination_parties WHERE coordination_id = ANY(?::int[]) ORDER BY seq', ids);
    const handlers = await this.s.all<{ coordination_id: number; person_id: string }>(
      'SELECT coordination_id, person_id FROM coordination_handlers WHERE coordination_id = ANY(?::int[]) ORDER BY coordination_id, position',
      ids,
    );
    const handlersOf = new Map<number, string[]>();
    for (const h of handlers) handlersOf.set(h.coordination_id, [...(handlersOf.get(h.coordination_id) ?? []), h.person_id]);
    const byId = new Map<number, CoordinationParty[]>();
    for (const p of parties) {
      const list = byId.get(p.coordination_id) ?? [];
      list.push({
        unitId: p.unit_id,
        stance: p.stance ?? undefined,
        position: p.position ?? undefined,
        statedBy: p.stated_by ?? undefined,
        statedAt: p.stated_at ?? undefined,
        confirmedBy: p.confirmed_by ?? undefined,
        confirmedAt: p.confirmed_at ?? undefined,
      });
      byId.set(p.coordination_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      taskId: r.task_id,
      requesterId: r.requester_id,
      requesterUnit: r.requester_unit,
      reason: r.reason,
      ownerId: r.owner_id,
      ownerNote: r.owner_note ?? undefined,
      level: r.level as CoordinationLevel,
      handlerIds: handlersOf.get(r.id) ?? [],
      levelSince: r.level_since,
      status: r.status as CoordinationStatus,
      opinion: r.opinion ?? undefined,
      opinionBy: r.opinion_by ?? undefined,
      opinionAt: r.opinion_at ?? undefined,
      openedAt: r.opened_at,
      closedAt: r.closed_at ?? undefined,
      ...(r.close_reason === 'withdrawn' ? { closeReason: 'withdrawn' as const } : {}),
      origin: { platform: r.origin_platform, chatId: r.origin_chat_id },
      parties: byId.get(r.id) ?? [],
    }));
  }
}
