import type { InboxItem, InboxRepository, NewInboxItem } from '../contracts/inbound.js';
import type { PgSql } from './pg-sql.js';

interface Row { seq: number; platform: string; message_id: string; chat_id: string; payload: string; received_at: string }

/** The durable inbox: (platform, message id) is unique, so whichever instance records an event first keeps it. */
export class PgInboxRepository implements InboxRepository {
  constructor(private readonly s: PgSql) {}

  async record(item: NewInboxItem): Promise<number | undefined> {
    const r = await this.s.one<{ seq: number }>(
      `INSERT INTO inbox (platform, message_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, message_id) DO NOTHING RETURNING seq`,
      item.platform, item.messageId, item.chatId, item.payload, item.at,
    );
    return r?.seq;
  }

  async pending(): Promise<InboxItem[]> {
    const rows = await this.s.all<Row>('SELECT seq, platform, message_id, chat_id, payload, received_at FROM inbox ORDER BY seq');
    return rows.map((r) => ({ seq: r.seq, platform: r.platform, messageId: r.message_id, chatId: r.chat_id, payload: r.payload, at: r.received_at }));
  }

  async done(seq: number): Promise<void> {
    await this.s.run('DELETE FROM inbox WHERE seq = ?', seq);
  }

  async lastSeq(): Promise<number> {
    // The identity's last value given (processed rows are deleted); NULL, so 0, before the first record.
    const q = await this.s.one<{ n: string | null }>(`SELECT pg_sequence_last_value(pg_get_serial_sequence('inbox', 'seq'))::text AS n`);
    return Number(q?.n ?? 0);
  }
}
