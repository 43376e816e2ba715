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
}
