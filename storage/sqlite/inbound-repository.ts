import type { InboundRepository } from '../repositories.js';
import type { Statements } from './statements.js';

export class SqliteInboundRepository implements InboundRepository {
  constructor(private readonly s: Statements) {}

  async claim(platform: string, messageId: string, chatId: string, at: string, outcome: string): Promise<boolean> {
    const info = this.s
      .get(`INSERT INTO inbound_messages (platform, message_id, chat_id, received_at, outcome) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (platform, message_id) DO NOTHING`)
      .run(platform, messageId, chatId, at, outcome);
    return info.changes === 1;
  }

  async setOutcome(platform: string, messageId: string, outcome: string): Promise<void> {
    this.s.get('UPDATE inbound_messages SET outcome = ? WHERE platform = ? AND message_id = ?').run(outcome, platform, messageId);
  }
}
