import type { InboxItem, InboxRepository, NewInboxItem } from '../contracts/inbound.js';
import type { Dialect } from './dialect.js';
import { CHANNELS } from './pg-listener.js';
import type { PgSql } from './pg-sql.js';

interface Row {
  seq: number;
  platform: string;
  message_id: string;
  chat_id: string;
  payload: string;
  received_at: string;
}

/** The durable inbox: (platform, message id) is unique, so whichever instance records an event first keeps it. */
export class PgInboxRepository implements InboxRepository {
  constructor(
    private readonly s: PgSql,
    private readonly dialect: Dialect,
  ) {}

  async record(item: NewInboxItem): Promise<number | undefined> {
    const r = await this.s.one<{ seq: number }>(
      `INSERT INTO inbox (platform, message_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, message_id) DO NOTHING RETURNING seq`,
      item.platform,
      item.messageId,
      item.chatId,
      item.payload,
      item.at,
    );
    return r?.seq;
  }

  async pending(): Promise<InboxItem[]> {
    const rows = await this.s.all<Row>('SELECT seq, platform, message_id, chat_id, payload, received_at FROM inbox ORDER BY seq');
    return rows.map(toItem);
  }

  async done(seq: number): Promise<void> {
    await this.s.run('DELETE FROM inbox WHERE seq = ?', seq);
  }

  async lastSeq(): Promise<number> {
    // The identity's last value given (processed rows are deleted); NULL, so 0, before the first record.
    const q = await this.s.one<{ n: string | null }>(`SELECT pg_sequence_last_value(pg_get_serial_sequence('inbox', 'seq'))::text AS n`);
    return Number(q?.n ?? 0);
  }

  async claimChat(chatId: string, instance: string, at: string, until: string): Promise<boolean> {
    const r = await this.s.one<{ instance_id: string }>(
      `INSERT INTO inbox_claims (chat_id, instance_id, until) VALUES (?, ?, ?)
       ON CONFLICT (chat_id) DO UPDATE SET instance_id = excluded.instance_id, until = excluded.until
       WHERE inbox_claims.instance_id = excluded.instance_id OR inbox_claims.until <= ?
       RETURNING instance_id`,
      chatId,
      instance,
      until,
      at,
    );
    return r !== undefined;
  }

  async pendingIn(chatId: string): Promise<InboxItem[]> {
    const rows = await this.s.all<Row>('SELECT seq, platform, message_id, chat_id, payload, received_at FROM inbox WHERE chat_id = ? ORDER BY seq', chatId);
    return rows.map(toItem);
  }

  async releaseChat(chatId: string, instance: string): Promise<boolean> {
    // At SERIALIZABLE, a message recorded meanwhile by another instance (which found the
    // claim taken) conflicts with this read: one of the two transactions runs again.
    if (await this.s.one('SELECT 1 AS x FROM inbox WHERE chat_id = ? LIMIT 1', chatId)) return false;
    await this.s.run('DELETE FROM inbox_claims WHERE chat_id = ? AND instance_id = ?', chatId, instance);
    return true;
  }

  async claimableChats(instance: string, at: string): Promise<string[]> {
    const rows = await this.s.all<{ chat_id: string }>(
      `SELECT DISTINCT i.chat_id FROM inbox i LEFT JOIN inbox_claims c ON c.chat_id = i.chat_id
        WHERE c.chat_id IS NULL OR c.instance_id = ? OR c.until <= ? ORDER BY i.chat_id`,
      instance,
      at,
    );
    return rows.map((r) => r.chat_id);
  }

  async announce(chatId: string): Promise<void> {
    // Delivered at COMMIT, so the holder finds the row when it looks.
    await this.s.one(this.dialect.notify, CHANNELS.inbox, chatId);
  }
}

const toItem = (r: Row): InboxItem => ({ seq: r.seq, platform: r.platform, messageId: r.message_id, chatId: r.chat_id, payload: r.payload, at: r.received_at });
