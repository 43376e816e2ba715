/** Storage contract: Chats the bot has seen, and which groups are registered work groups. */

export interface ChatRecord {
  platform: string;
  chatId: string;
  kind: 'group' | 'direct';
  title?: string;
  /** Set when an administrator registered the group as a work group (本群登记为工作群). */
  registeredBy?: string;
}

export interface ChatRepository {
  touch(chat: ChatRecord, at: string): Promise<void>;
  /** Every group chat recorded (registered or not), oldest first. */
  groups(): Promise<ChatRecord[]>;
  /** Marks a recorded group as a work group; false when the chat is not recorded. */
  register(platform: string, chatId: string, by: string, at: string): Promise<boolean>;
  /** Clears the registration; false when it was not registered. */
  unregister(platform: string, chatId: string): Promise<boolean>;
}
