import type { Storage } from '../../storage/repositories.js';
import { isStorageUnavailable } from '../../storage/storage-error.js';
import { isoShanghai } from '../time/shanghai.js';
import type { Bot } from './bot.js';
import type { Clock } from './clock.js';
import { InboxUnavailableError, type Acceptance, type HandleResult, type InboundMessage } from './inbound.js';
import type { Incident } from './incident.js';
import type { Logger } from './logger.js';

export interface InboxDeps {
  storage: Storage;
  bot: Pick<Bot, 'handle' | 'addressed' | 'classified'>;
  clock: Clock;
  logger: Logger;
  /** Shared with the outbox: one ERROR line per storage incident. */
  incident: Incident;
  /** Wait before trying a message again whose processing the ledger refused (real time). */
  retryMs?: number;
}

const IGNORED: HandleResult = { outcome: 'ignored', replies: [] };
const DUPLICATE: HandleResult = { outcome: 'duplicate', replies: [] };

/**
 * The durable inbox in front of the front door. `accept` writes the message to the ledger
 * and resolves only after that commit, so an adapter acknowledges the platform only for what
 * is recorded; processing then runs from the inbox, one chat at a time in arrival order,
 * and what was recorded but not processed before a crash is resumed at start-up. One
 * exception to the order: a message waiting on an outside call (the question model) stops
 * holding its chat's line while it waits (see `schedule`). Chats never wait on each other.
 * A classified message is never written to the inbox: the front door refuses it at once and
 * keeps only its id.
 */
export class Inbox {
  /** Per chat, the turn of its last queued message: the next one waits for it. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Every message being processed, including those stepped aside. */
  private readonly working = new Set<Promise<void>>();
  private stopping = false;
  private readonly retryMs: number;

  constructor(private readonly deps: InboxDeps) {
    this.retryMs = deps.retryMs ?? 1000;
  }

  /** Resolves once the message is durably recorded (or refused with only its id kept). */
  accept = async (msg: InboundMessage): Promise<Acceptance> => {
    if (this.stopping) throw new InboxUnavailableError('stopping');
    if (!this.deps.bot.addressed(msg)) return { outcome: 'ignored', result: Promise.resolve(IGNORED) };
    if (this.deps.bot.classified(msg)) {
      const result = await this.guarded(() => this.deps.bot.handle(msg), msg);
      return { outcome: 'accepted', result: Promise.resolve(result) };
    }
    const at = isoShanghai(this.deps.clock.now());
    const seq = await this.guarded(
      () => this.deps.storage.transaction((r) => r.inbox.record({ platform: msg.platform, messageId: msg.messageId, chatId: msg.chatId, payload: JSON.stringify(msg), at })),
      msg,
    );
    if (seq === undefined) return { outcome: 'duplicate', result: Promise.resolve(DUPLICATE) };
    return { outcome: 'accepted', result: this.schedule(seq, msg) };
  };

  /** Schedules everything recorded but not processed (after a crash); call before adapters start. */
  async resume(): Promise<number> {
    const items = await this.deps.storage.transaction((r) => r.inbox.pending());
    for (const item of items) {
      let msg: InboundMessage;
      try {
        msg = JSON.parse(item.payload) as InboundMessage;
      } catch (e) {
        this.deps.logger.error('inbox item unreadable, dropped', { seq: item.seq, messageId: item.messageId, error: e });
        await this.deps.storage.transaction((r) => r.inbox.done(item.seq));
        continue;
      }
      void this.schedule(item.seq, msg);
    }
    if (items.length > 0) this.deps.logger.info('inbox: resuming messages recorded before the restart', { count: items.length });
    return items.length;
  }

  /** Stops taking messages; what is recorded stays in the inbox for the next start. */
  stop(): void {
    this.stopping = true;
  }

  get accepting(): boolean {
    return !this.stopping;
  }

  /** Resolves when everything accepted so far has been processed (or left for the next start). */
  async idle(): Promise<void> {
    while (this.chains.size > 0 || this.working.size > 0) await Promise.allSettled([...this.chains.values(), ...this.working]);
  }

  private async guarded<T>(write: () => Promise<T>, msg: InboundMessage): Promise<T> {
    try {
      const v = await write();
      this.deps.incident.ok();
      return v;
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e;
      this.deps.incident.fail(e, { platform: msg.platform, messageId: msg.messageId, what: 'inbox write' });
      throw new InboxUnavailableError('storage', e);
    }
  }

  /**
   * Queues the message behind the earlier ones of its chat. The chat's line moves on when
   * this message has been processed, or earlier, when it steps aside to wait on an outside
   * call (a question for the model): it has then seen every earlier message's effect, and
   * its own transaction (a read) runs whenever the call returns.
   */
  private schedule(seq: number, msg: InboundMessage): Promise<HandleResult> {
    let settle!: (r: HandleResult) => void;
    const result = new Promise<HandleResult>((resolve) => (settle = resolve));
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const before = this.chains.get(msg.chatId) ?? Promise.resolve();
    const work: Promise<void> = before.then(() => this.process(seq, msg, settle, release)).finally(() => {
      release();
      this.working.delete(work);
    });
    this.working.add(work);
    this.chains.set(msg.chatId, turn);
    void turn.then(() => {
      if (this.chains.get(msg.chatId) === turn) this.chains.delete(msg.chatId);
    });
    return result;
  }

  /** Processes one message until its effect and its removal from the inbox are committed. */
  private async process(seq: number, msg: InboundMessage, settle: (r: HandleResult) => void, aside: () => void): Promise<void> {
    // Stopping: what has not started stays in the inbox for the next start.
    if (this.stopping) {
      settle({ outcome: 'failed', replies: [] });
      return;
    }
    let result: HandleResult | undefined;
    for (;;) {
      try {
        // A crash between the two commits is harmless: processed again, the front door
        // finds the message id already claimed and does nothing.
        result ??= await this.deps.bot.handle(msg, { aside });
        await this.deps.storage.transaction((r) => r.inbox.done(seq));
        this.deps.incident.ok();
        settle(result);
        return;
      } catch (e) {
        if (!isStorageUnavailable(e)) {
          this.deps.logger.error('inbox processing failed', { seq, platform: msg.platform, messageId: msg.messageId, error: e });
          // Not the ledger's fault: trying again would fail the same way at every start.
          await this.deps.storage.transaction((r) => r.inbox.done(seq)).catch(() => undefined);
          settle({ outcome: 'failed', replies: [] });
          return;
        }
        this.deps.incident.fail(e, { platform: msg.platform, messageId: msg.messageId, what: 'inbox processing' });
        if (this.stopping) {
          settle({ outcome: 'failed', replies: [] });
          return;
        }
        await new Promise((r) => setTimeout(r, this.retryMs));
      }
    }
  }
}
