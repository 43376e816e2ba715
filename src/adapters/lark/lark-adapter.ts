import type { Server } from 'node:http';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { CorePort } from '../../core/ports.js';
import type { Accept, HandleResult, InboundMessage } from '../../core/inbound.js';
import type { Reply } from '../../core/reply.js';
import type { OutgoingMessage, SendResult } from '../../outbox/outgoing.js';
import type { Adapter } from '../adapter.js';
import { fittedCard } from './lark-card.js';
import { normalizeCardAction, normalizeMessage, type LarkCardEvent, type LarkMessageEvent } from './lark-inbound.js';
import { describeError } from './describe-error.js';
import { botOpenId, createClient, larkSdk, sdkLogger } from './lark-sdk.js';
import { sendToLark } from './lark-sender.js';
import { LarkFileSender } from './lark-file-sender.js';
import type { LarkSettings } from './lark-settings.js';
import { SendRateLimiter } from './rate-limiter.js';
import { realTime, type LimiterTime } from '../pacing/limiter-time.js';
import { webhookServer } from './lark-webhook.js';

/** How long a card press waits for its command before answering without a toast. */
const CARD_WAIT_MS = 2500;

const TOAST: Record<Reply['tone'], string> = { info: 'info', success: 'success', warning: 'warning', error: 'error' };

/**
 * The Feishu/Lark edge. Inbound: messages and card button presses, from the long connection
 * (default) or the webhook; each is acknowledged once the inbox has recorded it, and the inbox
 * processes it (one chat at a time in arrival order). Outbound: the outbox's messages as cards or text, within
 * Lark's rate limits.
 */
export class LarkAdapter implements Adapter {
  readonly platform = 'lark';
  /** Chats answered side by side (each in its order; the rate limiter still holds). */
  readonly parallel = 8;
  private readonly client: lark.Client;
  private readonly forgetToken: () => void;
  private readonly limiter: SendRateLimiter;
  private readonly files: LarkFileSender;
  private botId = '';
  private accept: Accept | undefined;
  private paused = false;
  private server: Server | undefined;
  private ws: lark.WSClient | undefined;
  private dispatcher: lark.EventDispatcher | undefined;
  private watchTimer: NodeJS.Timeout | undefined;
  private wsState = 'idle';
  /** Results of accepted messages still being processed. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Event ids seen lately: a quick re-push is dropped here; the core dedupes for good. */
  private readonly seen = new Map<string, number>();
  /** Whether a chat is a group or one-to-one, learnt from its messages (card callbacks do not say). */
  private readonly chatKinds = new Map<string, 'group' | 'direct'>();

  constructor(
    private readonly settings: LarkSettings,
    private readonly core: CorePort,
    time: LimiterTime = realTime,
    /** Lark's limits: 5 a second per chat or user, 50 for the app (the benchmark lifts them to compare pipelines). */
    limits: { perTarget: number; perApp: number } = { perTarget: 5, perApp: 50 },
  ) {
    const c = createClient(settings, core.logger);
    this.client = c.client;
    this.forgetToken = c.forgetToken;
    this.limiter = new SendRateLimiter(limits.perTarget, limits.perApp, 1000, time);
    this.files = new LarkFileSender(this.client, this.limiter, this.forgetToken);
  }

  /** The port the webhook listens on (0 until started; useful when configured as 0 in tests). */
  get port(): number {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : 0;
  }

  async start(accept: Accept): Promise<void> {
    this.accept = accept;
    this.botId = await botOpenId(this.client);
    const dispatcher = new larkSdk.EventDispatcher({
      encryptKey: this.settings.encryptKey,
      verificationToken: this.settings.verificationToken,
      logger: sdkLogger(this.core.logger),
    });
    // card.action.trigger is missing from the SDK's typed handler map, so the map is typed here.
    const handles: Record<string, (data: unknown) => Promise<unknown>> = {
      // Resolves (and the platform is acknowledged) only once the message is recorded; a
      // failure to record it throws, the webhook answers 5xx, and Lark pushes it again later.
      'im.message.receive_v1': async (data) => {
        await this.onMessage(data as LarkMessageEvent);
        return {};
      },
      'card.action.trigger': (data) => this.onCardAction(data as LarkCardEvent),
    };
    dispatcher.register(handles as Parameters<typeof dispatcher.register>[0]);
    this.dispatcher = dispatcher;
    if (this.settings.mode === 'webhook') {
      this.server = webhookServer({
        path: this.settings.webhookPath,
        encryptKey: this.settings.encryptKey ?? '',
        verificationToken: this.settings.verificationToken,
        dispatcher,
        logger: this.core.logger,
        limits: this.settings.webhookLimits,
        accepting: () => !this.paused,
        health: () => this.core.health(),
      });
      await new Promise<void>((resolve) => this.server?.listen(this.settings.webhookPort, resolve));
      this.core.logger.info('lark webhook listening', { port: this.port, path: this.settings.webhookPath });
    } else {
      await this.connect();
      this.watchConnection();
      this.core.logger.info('lark long connection started');
    }
  }

  /**
   * The long connection, with a ping timeout: a connection that went silent (no pong within
   * `wsPingTimeoutSec` of a ping) is dropped and the SDK reconnects.
   */
  private async connect(): Promise<void> {
    if (!this.dispatcher) return;
    this.ws = new larkSdk.WSClient({
      appId: this.settings.appId,
      appSecret: this.settings.appSecret,
      domain: this.settings.domain,
      logger: sdkLogger(this.core.logger),
      wsConfig: { pingTimeout: this.settings.wsPingTimeoutSec },
      handshakeTimeoutMs: 10_000,
    });
    await this.ws.start({ eventDispatcher: this.dispatcher });
  }

  /**
   * Watches `getConnectionStatus()`: state changes are logged, and a client that gave up
   * (`failed`: reconnects exhausted, or a refused endpoint) is started afresh.
   */
  private watchConnection(): void {
    this.watchTimer = setInterval(() => {
      const state = this.ws?.getConnectionStatus().state ?? 'idle';
      if (state !== this.wsState) {
        const log = state === 'connected' ? this.core.logger.info : this.core.logger.warn;
        log.call(this.core.logger, 'lark long connection', { state, was: this.wsState });
        this.wsState = state;
      }
      if (state === 'failed') {
        this.ws?.close({ force: true });
        this.ws = undefined;
        this.connect().catch((e: unknown) => this.core.logger.warn('lark long connection restart failed', { error: describeError(e) }));
      }
    }, this.settings.wsWatchMs ?? 30_000);
    this.watchTimer.unref();
  }

  /** The long connection's state ('connected', 'reconnecting', 'failed' …), or 'webhook'. */
  connectionState(): string {
    if (this.settings.mode === 'webhook') return this.server?.listening ? 'webhook' : 'idle';
    return this.ws?.getConnectionStatus().state ?? 'idle';
  }

  pause(): void {
    this.paused = true;
  }

  health(): { ok: boolean; detail: string } {
    const state = this.connectionState();
    return { ok: state === 'webhook' || state === 'connected', detail: state === 'webhook' ? `webhook listening on ${this.port}` : `long connection ${state}` };
  }

  async stop(): Promise<void> {
    this.paused = true;
    clearInterval(this.watchTimer);
    this.ws?.close({ force: true });
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections?.();
  }

  /** Resolves when every message received so far has been handled. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  send(msg: OutgoingMessage): Promise<SendResult> {
    if (msg.file) return this.files.send(msg);
    return sendToLark(this.client, this.limiter, msg, this.forgetToken);
  }

  private firstTime(eventId: string | undefined): boolean {
    if (!eventId) return true;
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, Date.now());
    // Insertion order: the oldest go first.
    if (this.seen.size > 5000) for (const k of [...this.seen.keys()].slice(0, 1000)) this.seen.delete(k);
    return true;
  }

  /** Recorded in the inbox before the platform is acknowledged; the inbox processes in order per chat. */
  private async onMessage(event: LarkMessageEvent): Promise<void> {
    if (event.event_id && this.seen.has(event.event_id)) return;
    const msg = normalizeMessage(event, this.botId);
    if (!msg) return;
    this.chatKinds.set(msg.chatId, msg.chatType);
    await this.record(msg);
    this.firstTime(event.event_id);
  }

  /**
   * Resolves once the inbox has recorded the message (the platform may be acknowledged then),
   * with the promise of its processing: boxed, so that awaiting the record does not also
   * wait for the processing (a long queue in the chat, a question waiting for the model).
   */
  private async record(msg: InboundMessage): Promise<{ processed: Promise<HandleResult> }> {
    if (!this.accept) throw new Error('lark adapter not started');
    const acceptance = await this.accept(msg);
    const processed = acceptance.result;
    this.inFlight.add(processed);
    void processed.finally(() => this.inFlight.delete(processed));
    return { processed };
  }

  /** A button press runs its command now and answers with a toast and the refreshed card. */
  private async onCardAction(event: LarkCardEvent): Promise<unknown> {
    const normalized = normalizeCardAction(event);
    if (!normalized || (event.event_id && this.seen.has(event.event_id))) return {};
    const msg = { ...normalized, chatType: this.chatKinds.get(normalized.chatId) ?? 'group' };
    const { processed } = await this.record(msg);
    this.firstTime(event.event_id);
    // Lark waits 3 s for the answer; a long queue in the chat answers with the card unchanged.
    const result = await Promise.race([processed, new Promise<undefined>((r) => setTimeout(() => r(undefined), CARD_WAIT_MS).unref())]);
    const reply = result?.reply;
    if (!reply) return {};
    const response: Record<string, unknown> = { toast: { type: TOAST[reply.tone], content: reply.title.slice(0, 60) } };
    if (reply.ref?.kind === 'task') {
      const card = await this.core.taskView(reply.ref.code);
      if (card) response.card = { type: 'raw', data: fittedCard(card, {}) };
    }
    return response;
  }
}
