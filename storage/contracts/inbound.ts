/** Storage contract: The durable inbox: each platform message is handled once. */

export interface InboundRepository {
  /** Records a platform message as handled; false when it was handled before. */
  claim(platform: string, messageId: string, chatId: string, at: string, outcome: string): Promise<boolean>;
  setOutcome(platform: string, messageId: string, outcome: string): Promise<void>;
}

export interface NewInboxItem {
  platform: string;
  messageId: string;
  chatId: string;
  /** The normalized message, serialized. */
  payload: string;
  at: string;
}

export interface InboxItem extends NewInboxItem {
  seq: number;
}

/** Inbound events recorded before the platform is acknowledged, until processed. */
export interface InboxRepository {
  /** Records an event; undefined when the same (platform, message id) is already waiting. */
  record(item: NewInboxItem): Promise<number | undefined>;
  /** Everything still to process, in arrival order. */
  pending(): Promise<InboxItem[]>;
  done(seq: number): Promise<void>;
  /** The highest sequence number ever given (processed rows included). */
  lastSeq(): Promise<number>;
  /**
   * Takes or renews the claim on a chat: one instance at a time processes a chat's messages.
   * True when `instance` holds it now (it was free, lapsed at `at` or before, or already
   * this instance's); the claim lapses at `until` unless renewed.
   */
  claimChat(chatId: string, instance: string, at: string, until: string): Promise<boolean>;
  /** A chat's waiting messages, in arrival order. */
  pendingIn(chatId: string): Promise<InboxItem[]>;
  /** Gives the claim up, but only when the chat has nothing waiting; false when it still has (the claim stays). */
  releaseChat(chatId: string, instance: string): Promise<boolean>;
  /** Chats with waiting messages that `instance` may claim at `at` (unclaimed, lapsed, or its own). */
  claimableChats(instance: string, at: string): Promise<string[]>;
  /** Tells the instance holding the chat that a message of it is waiting (PostgreSQL NOTIFY at commit; nothing with one process). */
  announce(chatId: string): Promise<void>;
}
