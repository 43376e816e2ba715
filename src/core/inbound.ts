import type { Platform } from '../directory/account-kinds.js';
import type { Reply } from './reply.js';

/** An incoming chat message, normalized by an adapter. */
export interface InboundMessage {
  platform: Platform;
  /** Platform message id: the same message delivered twice has the same id. */
  messageId: string;
  chatId: string;
  chatType: 'group' | 'direct';
  chatTitle?: string;
  /** The sender's account on the platform (Lark open_id, WeChat contact id, console name). */
  senderAccountId: string;
  senderName?: string;
  /** Text with @mentions written as `@名字`. */
  text: string;
  /**
   * Other text the message carries that is not part of the command (a rich-text title, code
   * blocks, a card's form values): never parsed or kept, but seen by the 涉密 guard.
   */
  otherTexts?: string[];
  /** The platform message to answer in its thread, when it is not `messageId` (a card button press answers the card). */
  replyTo?: string;
  /**
   * Mentions other than the bot itself. `personId` is set by adapters whose platform
   * identifies people by attributes other than a stable account id (WeChat 备注/昵称).
   */
  mentions: Array<{ accountId?: string; name: string; personId?: string }>;
  /** True when the bot was @-mentioned (or the chat is one-to-one). */
  mentionsBot: boolean;
  /**
   * The sender as a directory person, when the adapter matched them unambiguously by
   * platform-specific attributes; the core still applies every permission rule.
   */
  senderPersonId?: string;
  /** Why the adapter could not tell who the sender is (e.g. two contacts share the name), shown if unregistered. */
  identityNote?: string;
}

/**
 * `throttled`: the sender went over the allowance (or an unregistered account was already answered today).
 * `queued`: recorded here, processed by the instance that holds the chat (several instances on one database).
 */
export type HandleOutcome = 'handled' | 'duplicate' | 'ignored' | 'refused' | 'failed' | 'throttled' | 'queued';

export interface HandleResult {
  outcome: HandleOutcome;
  /** Outbox ids of the replies this message produced. */
  replies: number[];
  /** The main reply, so an adapter can also show it in place (e.g. a card callback's toast). */
  reply?: Reply;
}

/**
 * What the inbox made of an incoming message, once it is durably recorded (the adapter may
 * acknowledge the platform then): `result` settles when the front door has processed it.
 */
export interface Acceptance {
  outcome: 'accepted' | 'duplicate' | 'ignored';
  result: Promise<HandleResult>;
}

/** The core's inbound port: records the message durably, then processes it from the inbox. */
export type Accept = (msg: InboundMessage) => Promise<Acceptance>;

/** The message could not be recorded (disk full, read-only, stopping): do not acknowledge it. */
export class InboxUnavailableError extends Error {
  constructor(
    readonly reason: 'storage' | 'stopping',
    override readonly cause?: unknown,
  ) {
    super(reason === 'stopping' ? 'the bot is stopping' : `the inbox cannot be written: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'InboxUnavailableError';
  }
}
