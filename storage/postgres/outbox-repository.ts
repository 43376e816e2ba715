import type { NewOutboxItem, OutboxItem, OutboxRepository } from '../repositories.js';
import { isoShanghai } from '../../src/time/shanghai.js';
import type { Dialect } from './dialect.js';
import type { PgSql } from './pg-sql.js';

interface OutboxRow {
  id: number;
  platform: string;
  target_kind: 'chat' | 'person';
  target_id: string;
  reply_to: string | null;
  payload: string;
  attempts: number;
  created_at: string;
  origin: string;
}

/** Lark counts 5 sends a second per chat over the whole app: a chat an instance just sent to stays with it this long. */
export const CHAT_HOLD_MS = 1500;

/**
 * The outbox on PostgreSQL, shared by several instances. `due` claims the rows it returns:
 * `FOR UPDATE SKIP LOCKED` keeps two instances from taking the same row, and a lease
 * (`leased_by`, `lease_until`) keeps a chat with one instance while it sends, so per-chat
 * order and the per-chat rate hold across instances. A dead instance's lease expires.
 */
export class PgOutboxRepository implements OutboxRepository {
  constructor(
    private readonly s: PgSql,
    private readonly dialect: Dialect,
    private readonly instanceId: string,
    /** How long this instance may hold the rows it took before another instance may send them. */
    private readonly leaseMs: number,
  ) {}

  async enqueue(item: NewOutboxItem): Promise<number> {
    const r = await this.s.one<{ id: number }>(
      `INSERT INTO outbox (platform, target_kind, target_id, reply_to, payload, next_attempt_at, created_at, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      item.platform,
      item.targetKind,
      item.targetId,
      item.replyTo ?? null,
      item.payload,
      item.at,
      item.at,
      item.origin,
    );
    return r!.id;
  }

  async due(platform: string, at: string, limit: number): Promise<OutboxItem[]> {
    const until = isoShanghai(new Date(new Date(at).getTime() + this.leaseMs));
    const me = this.instanceId;
    const rows = await this.s.all<OutboxRow>(
      `UPDATE outbox SET leased_by = ?, lease_until = ? WHERE id IN (
         SELECT id FROM outbox o
          WHERE status = 'pending' AND platform = ? AND next_attempt_at <= ?
            AND (o.leased_by IS NULL OR o.leased_by = ? OR o.lease_until <= ?)
            AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.status = 'pending' AND p.platform = o.platform
                            AND p.target_id = o.target_id AND p.id < o.id AND p.next_attempt_at > ?)
            AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.status = 'pending' AND p.platform = o.platform
                            AND p.target_id = o.target_id AND p.leased_by <> ? AND p.lease_until > ?)
            AND NOT EXISTS (SELECT 1 FROM outbox_chat_holds h WHERE h.platform = o.platform
                            AND h.target_id = o.target_id AND h.held_by <> ? AND h.hold_until > ?)
          ORDER BY id LIMIT ? ${this.dialect.skipLocked})
       RETURNING id, platform, target_kind, target_id, reply_to, payload, attempts, created_at, origin`,
      me,
      until,
      platform,
      at,
      me,
      at,
      at,
      me,
      at,
      me,
      at,
      limit,
    );
    rows.sort((a, b) => a.id - b.id);
    return rows.map((r) => ({
      id: r.id,
      platform: r.platform,
      targetKind: r.target_kind,
      targetId: r.target_id,
      replyTo: r.reply_to ?? undefined,
      payload: r.payload,
      attempts: r.attempts,
      createdAt: r.created_at,
      origin: r.origin,
    }));
  }

  async markSent(id: number, at: string, remoteId?: string): Promise<void> {
    await this.s.run("UPDATE outbox SET status = 'sent', sent_at = ?, remote_id = ?, attempts = attempts + 1, leased_by = NULL, lease_until = NULL WHERE id = ?", at, remoteId ?? null, id);
    // The chat stays with this instance until the send has left every sliding second it counts in.
    const holdUntil = isoShanghai(new Date(new Date(at).getTime() + CHAT_HOLD_MS));
    await this.s.run(
      `INSERT INTO outbox_chat_holds (platform, target_id, held_by, hold_until)
       SELECT platform, target_id, ?, ? FROM outbox WHERE id = ?
       ON CONFLICT (platform, target_id) DO UPDATE SET held_by = EXCLUDED.held_by, hold_until = EXCLUDED.hold_until`,
      this.instanceId,
      holdUntil,
      id,
    );
  }

  async markFailed(id: number, error: string, nextAttemptAt: string, dead: boolean): Promise<void> {
    await this.s.run(
      `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, leased_by = NULL, lease_until = NULL,
         status = CASE WHEN ? THEN 'dead' ELSE status END WHERE id = ?`,
      error.slice(0, 500),
      nextAttemptAt,
      dead,
      id,
    );
  }

  async pendingCount(platform?: string): Promise<number> {
    const row =
      platform === undefined
        ? await this.s.one<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'")
        : await this.s.one<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending' AND platform = ?", platform);
    return row?.n ?? 0;
  }

  async nextAttemptAt(platform: string): Promise<string | undefined> {
    const row = await this.s.one<{ t: string | null }>("SELECT min(next_attempt_at) AS t FROM outbox WHERE status = 'pending' AND platform = ?", platform);
    return row?.t ?? undefined;
  }
}
