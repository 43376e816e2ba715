import type { Message, Room, Wechaty } from 'wechaty';
import type { Clock } from '../../core/clock.js';
import { InboxUnavailableError, type Accept, type HandleOutcome } from '../../core/inbound.js';
import type { Logger } from '../../core/logger.js';
import { ChatQueue } from '../pacing/chat-queue.js';
import { normalizeMessage, type InboundContext } from './wechat-inbound.js';

/** What became of an incoming message: dropped before the core (and why), or the core's outcome. */
export type Disposition = 'self' | 'stale' | 'unsupported' | 'unserved' | 'not-addressed' | 'error' | HandleOutcome;

/**
 * Messages dated more than this before start-up are dropped: puppets replay recent history
 * after a restart or re-login. Within it the core's message-id dedupe keeps replays harmless,
 * and a command sent just before a restart is still answered.
 */
export const REPLAY_TOLERANCE_MS = 60_000;

export interface ReceiverOptions {
  bot: Wechaty;
  /** Served room ids or topics; empty: all rooms. */
  rooms: readonly string[];
  context: InboundContext;
  logger: Logger;
  /** Real time, to compare with the puppet's message timestamps. */
  wallClock: Clock;
  onSettled?: (messageId: string, disposition: Disposition) => void;
}

/**
 * The inbound half of the WeChat adapter: filters what wechaty delivers (the bot's own
 * messages, replayed history, non-text, rooms not served, room messages not addressed to the
 * bot), keeps each chat's messages in order, and hands the rest to the core. Nothing it does
 * can throw into wechaty: a failure is logged and the next message is handled as usual.
 */
export class WechatReceiver {
  private readonly queue = new ChatQueue();
  private readonly ignoredRooms = new Set<string>();
  private readonly roomIds = new Set<string>();
  /** Recorded messages whose outcome is not yet known. */
  private readonly pending = new Set<Promise<void>>();
  private startedAt = 0;

  constructor(private readonly o: ReceiverOptions) {}

  start(handle: Accept): void {
    this.startedAt = this.o.wallClock.now().getTime();
    this.o.bot.on('message', (msg: Message) => this.receive(msg, handle));
  }

  /** Rooms seen so far, so the sender can tell a room id from a contact id. */
  isKnownRoom(id: string): boolean {
    return this.roomIds.has(id);
  }

  /** Resolves when every message received so far has been handled. */
  async idle(): Promise<void> {
    await this.queue.idle();
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private receive(msg: Message, handle: Accept): void {
    try {
      const room = msg.room();
      if (room) this.roomIds.add(room.id);
      // The queue keeps the chat's order up to the inbox (normalizing takes varying time);
      // from there the inbox keeps it, so the next message need not wait for this one's answer.
      void this.queue.push(room?.id ?? msg.talker().id, async () => {
        let outcome: Disposition | Promise<Disposition>;
        try {
          outcome = await this.process(msg, handle);
        } catch (e) {
          outcome = this.failed(msg, e);
        }
        const done: Promise<void> = Promise.resolve(outcome).then((d) => {
          this.pending.delete(done);
          this.settled(msg, d);
        });
        this.pending.add(done);
      });
    } catch (e) {
      this.o.logger.error('wechat message could not be queued', { messageId: msg.id, error: e });
    }
  }

  private failed(msg: Message, e: unknown): Disposition {
    // An inbox that cannot be written is reported once per incident by the core.
    if (!(e instanceof InboxUnavailableError)) this.o.logger.error('wechat message failed', { messageId: msg.id, error: e });
    return 'error';
  }

  private settled(msg: Message, disposition: Disposition): void {
    try {
      this.o.onSettled?.(msg.id, disposition);
    } catch (e) {
      this.o.logger.error('wechat onSettled failed', { messageId: msg.id, error: e });
    }
  }

  /** A dropped message's disposition, or (once the inbox recorded it) the promise of its outcome. */
  private async process(msg: Message, handle: Accept): Promise<Disposition | Promise<Disposition>> {
    if (msg.self()) return 'self';
    if (msg.date().getTime() < this.startedAt - REPLAY_TOLERANCE_MS) return 'stale';
    if (msg.type() !== this.o.bot.Message.Type.Text) return 'unsupported';
    const room = msg.room();
    if (room) {
      if (!(await this.serves(room))) return 'unserved';
      if (!/^\s*[/／]/.test(msg.text()) && !(await msg.mentionSelf())) return 'not-addressed';
    }
    const inbound = await normalizeMessage(msg, this.o.context);
    const { result } = await handle(inbound);
    return result.then(
      (r) => r.outcome,
      (e: unknown) => this.failed(msg, e),
    );
  }

  /** A room is served when DUBAN_WECHAT_ROOMS is empty or names its id or its current topic. */
  private async serves(room: Room): Promise<boolean> {
    const rooms = this.o.rooms;
    if (rooms.length === 0 || rooms.includes(room.id)) return true;
    let topic: string | undefined;
    try {
      topic = (await room.topic()).trim();
    } catch {
      topic = undefined;
    }
    if (topic !== undefined && rooms.includes(topic)) return true;
    if (!this.ignoredRooms.has(room.id)) {
      this.ignoredRooms.add(room.id);
      this.o.logger.info('微信群不在 DUBAN_WECHAT_ROOMS 中，忽略其消息', { roomId: room.id, topic });
    }
    return false;
  }
}
