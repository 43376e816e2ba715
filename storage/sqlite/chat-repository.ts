import type { ChatRecord, ChatRepository } from '../repositories.js';
import type { Statements } from './statements.js';

export class SqliteChatRepository implements ChatRepository {
  constructor(private readonly s: Statements) {}

  async touch(chat: ChatRecord, at: string): Promise<void> {
    this.s
      .get(`INSERT INTO chats (platform, chat_id, kind, title, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, chat_id) DO UPDATE SET last_seen = excluded.last_seen,
              title = COALESCE(excluded.title, chats.title)`)
      .run(chat.platform, chat.chatId, chat.kind, chat.title ?? null, at, at);
  }

  async groups(): Promise<ChatRecord[]> {
    const rows = this.s.get("SELECT platform, chat_id, kind, title, registered_by FROM chats WHERE kind = 'group' ORDER BY platform, first_seen").all() as Array<{
      platform: string;
      chat_id: string;
      kind: 'group';
      title: string | null;
      registered_by: string | null;
    }>;
    return rows.map((r) => ({
      platform: r.platform,
      chatId: r.chat_id,
      kind: r.kind,
      title: r.title ?? undefined,
      registeredBy: r.registered_by ?? undefined,
    }));
  }

  async register(platform: string, chatId: string, by: string, at: string): Promise<boolean> {
    return this.s.get("UPDATE chats SET registered_by = ?, registered_at = ? WHERE platform = ? AND chat_id = ? AND kind = 'group'").run(by, at, platform, chatId).changes > 0;
  }

  async unregister(platform: string, chatId: string): Promise<boolean> {
    return this.s.get('UPDATE chats SET registered_by = NULL, registered_at = NULL WHERE platform = ? AND chat_id = ? AND registered_by IS NOT NULL').run(platform, chatId).changes > 0;
  }
}
