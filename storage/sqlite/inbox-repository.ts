import type { InboxItem, InboxRepository, NewInboxItem } from '../repositories.js';
import type { Statements } from './statements.js';

interface Row {
  seq: number;
  platform: string;
  message_id: string;
  chat_id: string;
  payload: string;
  received_at: string;
}

export class SqliteInboxRepository implements InboxRepository {
  constructor(private readonly s: Statements) {}

  async record(item: NewInboxItem): Promise<number | undefined> {
    const info = this.s
      .get(`INSERT INTO inbox (platform, message_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (platform, message_id) DO NOTHING`)
      .run(item.platform, item.messageId, item.chatId, item.payload, item.at);
    return info.changes === 1 ? Number(info.lastInsertRowid) : undefined;
  }

  async pending(): Promise<InboxItem[]> {
    const rows = this.s.get('SELECT seq, platform, message_id, chat_id, payload, received_at FROM inbox ORDER BY seq').all() as Row[];
    return rows.map(toItem);
  }

  async done(seq: number): Promise<void> {
    this.s.get('DELETE FROM inbox WHERE seq = ?').run(seq);
  }

  async lastSeq(): Promise<number> {
    const row = this.s.get("SELECT seq FROM sqlite_sequence WHERE name = 'inbox'").get() as { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  async claimChat(chatId: string, instance: string, at: string, until: string): Promise<boolean> {
    const row = this.s
      .get(`INSERT INTO inbox_claims (chat_id, instance_id, until) VALUES (?, ?, ?)
            ON CONFLICT (chat_id) DO UPDATE SET instance_id = excluded.instance_id, until = excluded.until
            WHERE inbox_claims.instance_id = excluded.instance_id OR inbox_claims.until <= ?
            RETURNING instance_id`)
      .get(chatId, instance, until, at);
    return row !== undefined;
  }

  async pendingIn(chatId: string): Promise<InboxItem[]> {
    const rows = this.s.get('SELECT seq, platform, message_id, chat_id, payload, received_at FROM inbox WHERE chat_id = ? ORDER BY seq').all(chatId) as Row[];
    return rows.map(toItem);
  }

  async releaseChat(chatId: string, instance: string): Promise<boolean> {
    if (this.s.get('SELECT 1 FROM inbox WHERE chat_id = ? LIMIT 1').get(chatId) !== undefined) return false;
    this.s.get('DELETE FROM inbox_claims WHERE chat_id = ? AND instance_id = ?').run(chatId, instance);
    return true;
  }

  async claimableChats(instance: string, at: string): Promise<string[]> {
    const rows = this.s
      .get(`SELECT DISTINCT i.chat_id FROM inbox i LEFT JOIN inbox_claims c ON c.chat_id = i.chat_id
            WHERE c.chat_id IS NULL OR c.instance_id = ? OR c.until <= ? ORDER BY i.chat_id`)
      .all(instance, at) as Array<{ chat_id: string }>;
    return rows.map((r) => r.chat_id);
  }

  async announce(): Promise<void> {
    // One process serves a SQLite ledger: it holds every claim, nobody else to tell.
  }
}

const toItem = (r: Row): InboxItem => ({ seq: r.seq, platform: r.platform, messageId: r.message_id, chatId: r.chat_id, payload: r.payload, at: r.received_at });
