import type { Reply } from '../core/reply.js';
import type { ExportFile } from '../export/export-file.js';

/** What an adapter is asked to deliver: a rendered-at-send-time reply and where it goes. */
export interface OutgoingMessage {
  /** Outbox id; stable across retries, so it doubles as the platform's idempotency key. */
  id: number;
  platform: string;
  targetKind: 'chat' | 'person';
  /** Chat id, or the person's account id on the platform. */
  targetId: string;
  /** Platform message id this answers, when the platform can thread replies. */
  replyTo?: string;
  reply: Reply;
  attempts: number;
  /** What produced it: `msg:<platform>:<id>` for an answer, `job:<job>:<period>` for a scheduled run. */
  origin: string;
  /** When it was put in the outbox (ISO, +08:00). */
  createdAt: string;
  /**
   * Everyone the reply mentions or addresses an action to, with their display name and their
   * account on this platform (absent when not bound there), so adapters need no lookups.
   */
  people: Record<string, { name: string; account?: string }>;
  /** A file to deliver (the reply is then its caption): written under the export folder before it was queued. */
  file?: ExportFile;
}

/** A send that failed; `retryable` false means trying again cannot help (e.g. bot removed from the chat). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Wait at least this long before the next attempt (from a rate-limit reset header). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface SendResult {
  remoteId?: string;
}

/** The sending half of an adapter. */
export interface Sender {
  readonly platform: string;
  /** How many chats or users the dispatcher may send to at once (each still in its order); 1 when absent. */
  readonly parallel?: number;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** Serialized outbox payload. */
export interface OutboxPayload {
  reply: Reply;
  file?: ExportFile;
}
