/** Storage contract: The outbox: every message the bot sends is queued here first. */

export interface OutboxItem {
  id: number;
  platform: string;
  targetKind: 'chat' | 'person';
  targetId: string;
  replyTo?: string;
  payload: string;
  attempts: number;
  createdAt: string;
  origin: string;
}

export interface NewOutboxItem {
  platform: string;
  targetKind: 'chat' | 'person';
  targetId: string;
  replyTo?: string;
  payload: string;
  origin: string;
  at: string;
}

export interface OutboxRepository {
  enqueue(item: NewOutboxItem): Promise<number>;
  /** Pending items for a platform whose next attempt is due, oldest first. */
  due(platform: string, at: string, limit: number): Promise<OutboxItem[]>;
  markSent(id: number, at: string, remoteId?: string): Promise<void>;
  markFailed(id: number, error: string, nextAttemptAt: string, dead: boolean): Promise<void>;
  pendingCount(platform?: string): Promise<number>;
  /** Earliest next attempt among pending items for a platform. */
  nextAttemptAt(platform: string): Promise<string | undefined>;
}
