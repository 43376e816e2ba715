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
    const rows = this.s
      .get("SELECT platform, chat_id, kind, title FROM chats WHERE kind = 'group' ORDER BY platform, first_seen")
      .all() as Array<{ platform: string; chat_id: string; kind: 'group'; title: string | null }>;
    return rows.map((r) => ({ platform: r.platform, chatId: r.chat_id, kind: r.kind, title: r.title ?? undefined }));
  }
}
