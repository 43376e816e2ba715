import type { InboxItem, InboxRepository, NewInboxItem } from '../repositories.js';
import type { Statements } from './statements.js';

interface Row { seq: number; platform: string; message_id: string; chat_id: string; payload: string; received_at: string }

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
    return rows.map((r) => ({ seq: r.seq, platform: r.platform, messageId: r.message_id, chatId: r.chat_id, payload: r.payload, at: r.received_at }));
  }

  async done(seq: number): Promise<void> {
    this.s.get('DELETE FROM inbox WHERE seq = ?').run(seq);
  }

  async lastSeq(): Promise<number> {
    const row = this.s.get("SELECT seq FROM sqlite_sequence WHERE name = 'inbox'").get() as { seq: number } | undefined;
    return row?.seq ?? 0;
  }
}
