import type { Storage } from '../../storage/repositories.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { mentionedPeople } from '../core/reply.js';
import { isoShanghai } from '../time/shanghai.js';
import { SendError, type OutboxPayload, type Sender, type OutgoingMessage } from './outgoing.js';
import type { OutboxItem, Repositories } from '../../storage/repositories.js';

/** Display names and platform accounts of people, looked up when a message is sent. */
export type PeopleLookup = (repos: Repositories, platform: string, personIds: string[]) => Promise<OutgoingMessage['people']>;

export interface DispatcherOptions {
  /** Items fetched per round. */
  batchSize?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often to look for retries that have come due (real time). */
  pollMs?: number;
}

/**
 * Delivers the persistent outbox through each platform's sender. A message stays pending
 * until the platform accepts it; retryable failures back off exponentially (or as the
 * platform's rate-limit reset says), permanent ones are marked dead and logged.
 */
export class OutboxDispatcher {
  private readonly senders = new Map<string, Sender>();
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly opts: Required<DispatcherOptions>;
  /**
   * Sent, but the "sent" mark could not be written (disk full): never sent again by this
   * process; the mark is written as soon as the ledger takes it. After a restart a resend
   * carries the same idempotency key (Lark's `uuid`), which the platform drops.
   */
  private readonly unmarked = new Map<number, { at: string; remoteId?: string }>();
  private markFailures = 0;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly people: PeopleLookup,
    opts: DispatcherOptions = {},
  ) {
    this.opts = { batchSize: 50, baseBackoffMs: 1000, maxBackoffMs: 10 * 60_000, pollMs: 1000, ...opts };
  }

  register(sender: Sender): void {
    this.senders.set(sender.platform, sender);
  }

  /** Stops sending through a platform here (its adapter stopped: leadership lost); its rows wait for the instance that runs it. */
  unregister(sender: Sender): void {
    if (this.senders.get(sender.platform) === sender) this.senders.delete(sender.platform);
  }

  /** Starts polling for due retries. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.kick(), this.opts.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends everything that is due now; concurrent calls coalesce into one more round. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          // Platforms drain side by side: one that paces its sends (WeChat) must not hold back another.
          const rounds = await Promise.allSettled([...this.senders.values()].map((sender) => this.drain(sender)));
          for (const r of rounds) if (r.status === 'rejected') this.logger.error('outbox dispatch failed', { error: r.reason });
        } while (this.again);
      } catch (e) {
        this.logger.error('outbox dispatch failed', { error: e });
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Writes the marks that could not be written before; false while the ledger still refuses. */
  private async flushMarks(): Promise<boolean> {
    for (const [id, m] of [...this.unmarked]) if (!(await this.mark(id, m))) return false;
    if (this.markFailures > 0) this.logger.info('outbox: sent marks written again', { failures: this.markFailures });
    this.markFailures = 0;
    return true;
  }

  private async mark(id: number, m: { at: string; remoteId?: string }): Promise<boolean> {
    try {
      await this.storage.transaction((r) => r.outbox.markSent(id, m.at, m.remoteId));
      this.unmarked.delete(id);
      return true;
    } catch (e) {
      this.markFailures += 1;
      if (this.markFailures === 1) this.logger.error('outbox: sent mark cannot be written; holding further sends until it can', { outboxId: id, error: e });
      return false;
    }
  }

  /**
   * Sends what is due, chat by chat: each chat or user in its order, and (up to the sender's
   * `parallel`) several chats at once, so that one slow answer does not hold back another
   * chat's. A failed send holds back the rest of its chat until the retry.
   */
  private async drain(sender: Sender): Promise<void> {
    for (;;) {
      if (!(await this.flushMarks())) return;
      const now = this.clock.now();
      const items = await this.storage.transaction((r) => r.outbox.due(sender.platform, isoShanghai(now), this.opts.batchSize));
      if (items.length === 0) return;
      // One send at a time: a single lane in outbox order. Several: a lane per chat or user.
      const parallel = Math.max(1, sender.parallel ?? 1);
      const lanes = new Map<string, OutboxItem[]>();
      for (const item of items) {
        if (this.unmarked.has(item.id)) continue;
        const key = parallel === 1 ? '' : item.targetId;
        const lane = lanes.get(key);
        if (lane) lane.push(item);
        else lanes.set(key, [item]);
      }
      let progressed = false;
      let halted = false;
      const blocked = new Set<string>();
      const queue = [...lanes.values()];
      const worker = async () => {
        for (let lane = queue.shift(); lane && !halted; lane = queue.shift()) {
          for (const item of lane) {
            if (blocked.has(item.targetId)) continue;
            const sent = await this.sendOne(sender, item);
            if (sent === 'failed') blocked.add(item.targetId);
            if (sent === 'halt') halted = true;
            if (halted) return;
            if (sent === 'sent') progressed = true;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
      // A batch that was not full held everything due: what was added since then comes with its
      // own kick (a round more), a retry with the poll. No read only to find nothing.
      if (halted || !progressed || items.length < this.opts.batchSize) return;
    }
  }

  /** One send and its mark; `halt` when the mark cannot be written (nothing more is sent then). */
  private async sendOne(sender: Sender, item: OutboxItem): Promise<'sent' | 'failed' | 'halt'> {
    const payload = JSON.parse(item.payload) as OutboxPayload;
    const ids = [...new Set([...mentionedPeople(payload.reply), ...(payload.reply.actions ?? []).flatMap((a) => a.forPersonIds ?? [])])];
    // Most answers mention no one: no transaction for an empty lookup.
    const people = ids.length === 0 ? {} : await this.storage.transaction((r) => this.people(r, item.platform, ids));
    let res: { remoteId?: string };
    try {
      res = await sender.send({
        id: item.id,
        platform: item.platform,
        targetKind: item.targetKind,
        targetId: item.targetId,
        replyTo: item.replyTo,
        reply: payload.reply,
        attempts: item.attempts,
        people,
        origin: item.origin,
        createdAt: item.createdAt,
        ...(payload.file ? { file: payload.file } : {}),
      });
    } catch (e) {
      const retryable = !(e instanceof SendError) || e.retryable;
      const backoff = Math.min(this.opts.maxBackoffMs, this.opts.baseBackoffMs * 2 ** Math.min(item.attempts, 20));
      const wait = Math.max(backoff, e instanceof SendError ? (e.retryAfterMs ?? 0) : 0);
      const next = new Date(this.clock.now().getTime() + wait);
      await this.storage.transaction((r) => r.outbox.markFailed(item.id, (e as Error).message ?? String(e), isoShanghai(next), !retryable));
      this.logger.warn(retryable ? 'send failed, will retry' : 'send failed permanently', {
        outboxId: item.id,
        platform: item.platform,
        attempts: item.attempts + 1,
        error: (e as Error).message,
      });
      return 'failed';
    }
    const mark = { at: isoShanghai(this.clock.now()), remoteId: res.remoteId };
    this.unmarked.set(item.id, mark);
    return (await this.mark(item.id, mark)) ? 'sent' : 'halt';
  }
}
