import type { NewOutboxItem, OutboxItem, OutboxRepository } from '../repositories.js';
import type { Statements } from './statements.js';

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

export class SqliteOutboxRepository implements OutboxRepository {
  constructor(private readonly s: Statements) {}

  async enqueue(item: NewOutboxItem): Promise<number> {
    const info = this.s
      .get(`INSERT INTO outbox (platform, target_kind, target_id, reply_to, payload, next_attempt_at, created_at, origin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(item.platform, item.targetKind, item.targetId, item.replyTo ?? null, item.payload, item.at, item.at, item.origin);
    return Number(info.lastInsertRowid);
  }

  async due(platform: string, at: string, limit: number): Promise<OutboxItem[]> {
    const rows = this.s
      // Messages to one chat keep their order: an earlier one still waiting for a retry holds
      // back the later ones to the same target.
      .get(`SELECT id, platform, target_kind, target_id, reply_to, payload, attempts, created_at, origin FROM outbox o
            WHERE status = 'pending' AND platform = ? AND next_attempt_at <= ?
              AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.status = 'pending' AND p.platform = o.platform
                              AND p.target_id = o.target_id AND p.id < o.id AND p.next_attempt_at > ?)
            ORDER BY id LIMIT ?`)
      .all(platform, at, at, limit) as OutboxRow[];
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
    this.s.get("UPDATE outbox SET status = 'sent', sent_at = ?, remote_id = ?, attempts = attempts + 1 WHERE id = ?").run(at, remoteId ?? null, id);
  }

  async markFailed(id: number, error: string, nextAttemptAt: string, dead: boolean): Promise<void> {
    this.s
      .get(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
              status = CASE WHEN ? THEN 'dead' ELSE status END WHERE id = ?`)
      .run(error.slice(0, 500), nextAttemptAt, dead ? 1 : 0, id);
  }

  async pendingCount(platform?: string): Promise<number> {
    const row =
      platform === undefined
        ? this.s.get("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get()
        : this.s.get("SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND platform = ?").get(platform);
    return (row as { n: number }).n;
  }

  async nextAttemptAt(platform: string): Promise<string | undefined> {
    const row = this.s.get("SELECT min(next_attempt_at) AS t FROM outbox WHERE status = 'pending' AND platform = ?").get(platform) as { t: string | null };
    return row.t ?? undefined;
  }
}
