import type { ChangeFeed, InboxItem, Repositories, Storage } from '../../storage/repositories.js';
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
  /** This instance's name in the chat claims (several instances on one database). */
  instanceId: string;
  /** How long a chat claim lasts unless renewed (app clock); a dead instance's chats wait this long. */
  claimMs?: number;
  /** Several instances: told when another instance records a message of a chat this one holds. */
  changes?: ChangeFeed;
  /** Several instances: how often (real time) held claims are renewed and lapsed ones taken over. */
  sweepMs?: number;
}

/** Default life of a chat claim. */
export const INBOX_CLAIM_MS = 15_000;

const IGNORED: HandleResult = { outcome: 'ignored', replies: [] };
const DUPLICATE: HandleResult = { outcome: 'duplicate', replies: [] };
const QUEUED: HandleResult = { outcome: 'queued', replies: [] };

/**
 * The durable inbox in front of the front door. `accept` writes the message to the ledger
 * and resolves only after that commit, so an adapter acknowledges the platform only for what
 * is recorded; processing then runs from the inbox, one chat at a time in arrival order,
 * and what was recorded but not processed before a crash is resumed at start-up. One
 * exception to the order: a message waiting on an outside call (the question model) stops
 * holding its chat's line while it waits (see `schedule`). Chats never wait on each other.
 * A classified message is never written to the inbox: the front door refuses it at once and
 * keeps only its id.
 *
 * Several instances on one database: a chat is processed by the one instance holding its
 * claim (inbox_claims), whichever instance recorded the message; the others record, tell
 * the holder (NOTIFY) and answer `queued`. The holder processes every waiting message of the
 * chat in arrival order and gives the claim up only when none is left; a dead holder's claim
 * lapses and the next sweep of another instance takes the chat over.
 */
export class Inbox {
  /** Per chat, the turn of its last queued message: the next one waits for it. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Every message being processed, including those stepped aside. */
  private readonly working = new Set<Promise<void>>();
  /** Inbox rows scheduled here and not yet finished. */
  private readonly scheduled = new Set<number>();
  /** Per chat held here, how many of its messages are being processed. */
  private readonly inFlight = new Map<string, number>();
  /** Chats whose claim this instance holds. */
  private readonly held = new Set<string>();
  private stopping = false;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly retryMs: number;
  private readonly claimMs: number;

  constructor(private readonly deps: InboxDeps) {
    this.retryMs = deps.retryMs ?? 1000;
    this.claimMs = deps.claimMs ?? INBOX_CLAIM_MS;
    deps.changes?.on('inbox', (chatId) => {
      if (this.stopping) return;
      if (chatId === '') void this.sweep().catch(() => undefined);
      else if (this.held.has(chatId)) void this.pull(chatId).catch(() => undefined);
    });
  }

  private times(): { at: string; until: string } {
    const now = this.deps.clock.now();
    return { at: isoShanghai(now), until: isoShanghai(new Date(now.getTime() + this.claimMs)) };
  }

  /** Resolves once the message is durably recorded (or refused with only its id kept). */
  accept = async (msg: InboundMessage): Promise<Acceptance> => {
    if (this.stopping) throw new InboxUnavailableError('stopping');
    if (!this.deps.bot.addressed(msg)) return { outcome: 'ignored', result: Promise.resolve(IGNORED) };
    if (this.deps.bot.classified(msg)) {
      const result = await this.guarded(() => this.deps.bot.handle(msg), msg);
      return { outcome: 'accepted', result: Promise.resolve(result) };
    }
    const { at, until } = this.times();
    const recorded = await this.guarded(
      () =>
        this.deps.storage.transaction(async (r) => {
          const seq = await r.inbox.record({ platform: msg.platform, messageId: msg.messageId, chatId: msg.chatId, payload: JSON.stringify(msg), at });
          if (seq === undefined) return undefined;
          const mine = await r.inbox.claimChat(msg.chatId, this.deps.instanceId, at, until);
          if (!mine) await r.inbox.announce(msg.chatId);
          // Several instances: what others recorded for the chat goes first, in arrival order.
          const before = mine && this.deps.changes ? (await r.inbox.pendingIn(msg.chatId)).filter((i) => i.seq < seq) : [];
          return { seq, mine, before };
        }),
      msg,
    );
    if (recorded === undefined) return { outcome: 'duplicate', result: Promise.resolve(DUPLICATE) };
    if (!recorded.mine) return { outcome: 'accepted', result: Promise.resolve(QUEUED) };
    this.held.add(msg.chatId);
    await this.scheduleItems(recorded.before);
    return { outcome: 'accepted', result: this.schedule(recorded.seq, msg) };
  };

  /**
   * Schedules everything recorded but not processed (after a crash, or a dead instance's
   * chats); call before adapters start. With several instances it then sweeps on a timer.
   */
  async resume(): Promise<number> {
    const count = await this.sweep();
    if (count > 0) this.deps.logger.info('inbox: resuming messages recorded before the restart', { count });
    if (this.deps.sweepMs && !this.sweeper && !this.stopping) {
      this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), this.deps.sweepMs);
      this.sweeper.unref();
    }
    return count;
  }

  /** Renews the chats held here and takes over the claimable ones; how many messages it scheduled. */
  private async sweep(): Promise<number> {
    if (this.stopping) return 0;
    const { at } = this.times();
    const chats = await this.deps.storage.transaction((r) => r.inbox.claimableChats(this.deps.instanceId, at));
    let n = 0;
    for (const chatId of new Set([...this.held, ...chats])) n += await this.pull(chatId);
    return n;
  }

  /** Claims (or renews) a chat and schedules its waiting messages not yet scheduled here. */
  private async pull(chatId: string): Promise<number> {
    const { at, until } = this.times();
    const items = await this.deps.storage.transaction(async (r) => ((await r.inbox.claimChat(chatId, this.deps.instanceId, at, until)) ? r.inbox.pendingIn(chatId) : undefined));
    if (items === undefined) {
      this.held.delete(chatId);
      return 0;
    }
    this.held.add(chatId);
    const n = await this.scheduleItems(items);
    if ((this.inFlight.get(chatId) ?? 0) === 0) await this.drained(chatId);
    return n;
  }

  /** Schedules, in order, the items not already scheduled here; how many. */
  private async scheduleItems(items: readonly InboxItem[]): Promise<number> {
    const fresh = items.filter((i) => !this.scheduled.has(i.seq));
    for (const item of fresh) {
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
    return fresh.length;
  }

  /** Nothing of the chat is being processed here: take what else waits, or give the claim up. */
  private async drained(chatId: string): Promise<void> {
    if (this.stopping) return;
    const released = await this.deps.storage.transaction((r) => r.inbox.releaseChat(chatId, this.deps.instanceId));
    if (released) this.held.delete(chatId);
    else if ((this.inFlight.get(chatId) ?? 0) === 0) await this.pull(chatId);
  }

  /** Stops taking messages; what is recorded stays in the inbox for the next start. */
  stop(): void {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
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
    this.scheduled.add(seq);
    this.inFlight.set(msg.chatId, (this.inFlight.get(msg.chatId) ?? 0) + 1);
    let released = false;
    const work: Promise<void> = before
      .then(async () => {
        released = await this.process(seq, msg, settle, release);
      })
      .finally(() => {
        release();
        this.scheduled.delete(seq);
        const left = (this.inFlight.get(msg.chatId) ?? 1) - 1;
        if (left > 0) this.inFlight.set(msg.chatId, left);
        else {
          this.inFlight.delete(msg.chatId);
          // The claim went with the answer's commit; or else anything another instance recorded
          // meanwhile is taken here, and otherwise the claim goes now.
          if (released) this.held.delete(msg.chatId);
          else void this.drained(msg.chatId).catch(() => undefined);
        }
        this.working.delete(work);
      });
    this.working.add(work);
    this.chains.set(msg.chatId, turn);
    void turn.then(() => {
      if (this.chains.get(msg.chatId) === turn) this.chains.delete(msg.chatId);
    });
    return result;
  }

  /**
   * Processes one message until its effect and its removal from the inbox are committed; true
   * when the chat's claim was given up in that commit (the last of its messages here).
   */
  private async process(seq: number, msg: InboundMessage, settle: (r: HandleResult) => void, aside: () => void): Promise<boolean> {
    // Stopping: what has not started stays in the inbox for the next start.
    if (this.stopping) {
      settle({ outcome: 'failed', replies: [] });
      return false;
    }
    let result: HandleResult | undefined;
    for (;;) {
      // Set by the answer's transaction: they hold only once `handle` has returned, since every
      // transaction of `handle` that can fail is followed by one that runs the hook again.
      let removed = false;
      let released = false;
      const inTransaction = async (r: Repositories) => {
        await r.inbox.done(seq);
        removed = true;
        // The last message of its chat here: the claim goes in the same commit (not if another
        // instance recorded one meanwhile: releaseChat then keeps it, and drained takes that).
        released = !this.stopping && (this.inFlight.get(msg.chatId) ?? 0) <= 1 && (await r.inbox.releaseChat(msg.chatId, this.deps.instanceId));
      };
      try {
        // The message leaves the inbox in the answer's own commit. A message answered without a
        // transaction, or whose handling failed after its answer (a retry below), leaves it in
        // one of its own: a crash between the two commits is harmless, since processed again,
        // the front door finds the message id already claimed and does nothing.
        result ??= await this.deps.bot.handle(msg, { aside, inTransaction });
        if (!removed) await this.deps.storage.transaction((r) => r.inbox.done(seq));
        this.deps.incident.ok();
        settle(result);
        return removed && released;
      } catch (e) {
        if (!isStorageUnavailable(e)) {
          this.deps.logger.error('inbox processing failed', { seq, platform: msg.platform, messageId: msg.messageId, error: e });
          // Not the ledger's fault: trying again would fail the same way at every start.
          await this.deps.storage.transaction((r) => r.inbox.done(seq)).catch(() => undefined);
          settle({ outcome: 'failed', replies: [] });
          return false;
        }
        this.deps.incident.fail(e, { platform: msg.platform, messageId: msg.messageId, what: 'inbox processing' });
        if (this.stopping) {
          settle({ outcome: 'failed', replies: [] });
          return false;
        }
        await new Promise((r) => setTimeout(r, this.retryMs));
      }
    }
  }
}
