import type { ContactSelf, Wechaty } from 'wechaty';
import type { CorePort } from '../../core/ports.js';
import { systemClock, type Clock } from '../../core/clock.js';
import type { Accept } from '../../core/inbound.js';
import type { OutgoingMessage, SendResult } from '../../outbox/outgoing.js';
import type { Adapter } from '../adapter.js';
import { ContactIdentity, type WechatAccounts } from './contact-identity.js';
import { SendLimiter } from './send-limiter.js';
import { realTime, type LimiterTime } from '../pacing/limiter-time.js';
import { WechatReceiver, type Disposition } from './wechat-receiver.js';
import { WechatSender } from './wechat-sender.js';
import { WechatFileSender } from './wechat-file-sender.js';
import type { WechatSettings } from './wechat-settings.js';

export interface WechatAdapterOptions {
  core: CorePort;
  /** A Wechaty built with its puppet (tests pass one on a PuppetMock). */
  bot: Wechaty;
  settings: WechatSettings;
  /** Time for the send limiter; tests pass a virtual one. */
  limiterTime?: LimiterTime;
  /** Real time, to drop replayed history; tests may pass another. */
  wallClock?: Clock;
  /** Longest single message (characters). */
  textLimit?: number;
  /** Told what became of each incoming message (tests, diagnostics). */
  onSettled?: (messageId: string, disposition: Disposition) => void;
}

/**
 * The bot in personal WeChat through wechaty: room messages that @ the bot or start with `/`
 * and one-to-one messages go to the core; replies come back through the outbox as text,
 * paced to avoid WeChat's burst restrictions.
 */
export class WechatAdapter implements Adapter {
  readonly platform = 'wechat';
  private readonly limiter: SendLimiter;
  private readonly receiver: WechatReceiver;
  private readonly sender: WechatSender;
  private readonly files: WechatFileSender;

  constructor(private readonly o: WechatAdapterOptions) {
    const { core, bot } = o;
    const bound = core.accounts('wechat');
    const accounts: WechatAccounts = { ...bound, remember: (contactId, personId) => bound.remember(contactId, personId, 'wechat-contact-match') };
    const identity = new ContactIdentity(core.directory, accounts);
    this.limiter = new SendLimiter(o.settings, o.limiterTime ?? realTime);
    this.receiver = new WechatReceiver({
      bot,
      rooms: o.settings.rooms,
      context: { bot, directory: core.directory, identity },
      logger: core.logger,
      wallClock: o.wallClock ?? systemClock,
      onSettled: o.onSettled,
    });
    this.sender = new WechatSender({
      bot,
      directory: core.directory,
      limiter: this.limiter,
      textLimit: o.textLimit,
      isRoom: (id) => this.isRoom(id),
    });
    this.files = new WechatFileSender(bot, this.limiter, (id) => this.isRoom(id));
  }

  async start(handle: Accept): Promise<void> {
    const { bot, core } = this.o;
    const log = core.logger;
    const guard =
      <A extends unknown[]>(what: string, fn: (...args: A) => void) =>
      (...args: A) => {
        try {
          fn(...args);
        } catch (e) {
          log.error(`wechat ${what} listener failed`, { error: e });
        }
      };
    bot.on(
      'error',
      guard('error', (e: unknown) => log.warn('wechaty error', { error: e })),
    );
    bot.on(
      'scan',
      guard('scan', (qrcode: string, status: number) => {
        // ScanStatus.Waiting = 2 and Timeout = 5 come with a fresh code to scan (wechaty-puppet types).
        if (status === 2 || status === 5) {
          log.info('请用机器人微信扫码登录', { url: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` });
        }
      }),
    );
    bot.on(
      'login',
      guard('login', (user: ContactSelf) => {
        log.info('微信已登录', { user: user.name(), id: user.id });
        void core.deliver();
      }),
    );
    bot.on(
      'logout',
      guard('logout', (user: ContactSelf) => log.warn('微信已退出登录，消息将在重新登录后发送', { user: user.name() })),
    );
    this.receiver.start(handle);
    if (this.o.settings.rooms.length === 0) log.warn('DUBAN_WECHAT_ROOMS 未设置：将响应机器人所在的所有微信群');
    await bot.start();
  }

  async stop(): Promise<void> {
    this.limiter.stop();
    await this.receiver.idle();
    await this.o.bot.stop();
  }

  send(msg: OutgoingMessage): Promise<SendResult> {
    if (msg.file) return this.files.send(msg);
    return this.sender.send(msg);
  }

  private async isRoom(id: string): Promise<boolean> {
    // Puppets name rooms `…@chatroom` (padlocal, service) or `@@…` (wechat4u); rooms seen or
    // recorded as groups count too.
    if (/@chatroom$/.test(id) || id.startsWith('@@') || this.receiver.isKnownRoom(id)) return true;
    return (await this.o.core.groupChats('wechat')).includes(id);
  }
}
