import { WechatyBuilder, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createApp, type App } from '../../../src/app.js';
import { FakeClock } from '../../../src/core/clock.js';
import { memoryLogger } from '../../../src/core/logger.js';
import type { HandleResult, InboundMessage } from '../../../src/core/inbound.js';
import { WechatAdapter } from '../../../src/adapters/wechat/wechat-adapter.js';
import type { Disposition } from '../../../src/adapters/wechat/wechat-receiver.js';
import type { LimiterTime } from '../../../src/adapters/pacing/limiter-time.js';
import type { WechatSettings } from '../../../src/adapters/wechat/wechat-settings.js';
import type { Directory } from '../../../src/directory/directory.js';
import type { CoreSettings } from '../../../src/core/command.js';
import { loadCalendar } from '../../../src/calendar/load-calendar.js';
import { instantAt } from '../../../src/time/shanghai.js';
import { wechatDirectory } from './wechat-directory.js';

type Mocker = InstanceType<typeof mock.Mocker>;
export type ContactMock = ReturnType<Mocker['createContact']>;
export type RoomMock = ReturnType<Mocker['createRoom']>;

/** One message the bot tried to send, as the puppet saw it (PuppetMock itself drops mentionIdList). */
export interface Sent {
  to: string;
  text: string;
  mentionIdList: string[];
  /** Limiter time when it went out. */
  at: number;
}

export interface World {
  app: App;
  clock: FakeClock;
  logs: string[];
  mocker: Mocker;
  puppet: PuppetMock;
  adapter: WechatAdapter;
  bot: Wechaty;
  me: ContactMock;
  /** 陈立群 (id), 王芳 (备注 发改委王芳, 昵称 芳芳), 李明 (id, 昵称 老李). */
  people: { chen: ContactMock; wang: ContactMock; li: ContactMock };
  room: RoomMock;
  sent: Sent[];
  /** Sends for which this returns an error message fail (the puppet throws it). */
  failWhen: ((to: string, text: string) => string | undefined) | undefined;
  /** Virtual time of the send limiter. */
  limiter: LimiterTime & { sleeps: number[] };
  /**
   * Posts a text message as `from` and resolves once the adapter has dealt with it and the
   * outbox has been drained, with what was sent meanwhile.
   */
  post(from: ContactMock, text: string, o?: PostOptions): Promise<{ disposition: Disposition; sent: Sent[]; id: string }>;
  /** Runs the outbox once (after moving the app clock, for retries). */
  flush(): Promise<Sent[]>;
  close(): Promise<void>;
}

export interface PostOptions {
  to?: RoomMock | ContactMock;
  mentions?: ContactMock[];
  id?: string;
  timestamp?: number;
}

let seq = 0;

export interface WorldOptions {
  directory?: Directory;
  settings?: Partial<WechatSettings>;
  textLimit?: number;
  /** Time for the send limiter; a virtual clock that advances on sleep by default. */
  limiterTime?: LimiterTime;
  /** Core settings besides the bot name (work-group allowlist, throttle, export folder …). */
  core?: Partial<CoreSettings>;
  /** The front door the adapter calls; the app's own by default. */
  handle?: (app: App) => (msg: InboundMessage) => Promise<HandleResult>;
}

export async function makeWorld(o: WorldOptions = {}): Promise<World> {
  const clock = new FakeClock(instantAt('2026-12-07', '09:00'));
  const logger = memoryLogger();
  const app = createApp({
    dbFile: ':memory:',
    directory: o.directory ?? wechatDirectory(),
    calendar: loadCalendar(),
    clock,
    logger,
    settings: { botName: '督办助手', ...o.core },
    dispatcher: { baseBackoffMs: 1000, maxBackoffMs: 60_000, pollMs: 3_600_000 },
  });
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const limiter = {
    t: 0,
    sleeps: [] as number[],
    now: () => limiter.t,
    sleep: async (ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw new Error('aborted');
      limiter.sleeps.push(ms);
      limiter.t += ms;
    },
  };
  const sent: Sent[] = [];
  const original = puppet.messageSendText.bind(puppet);
  puppet.messageSendText = async (to: string, text: string, mentionIdList: string[] = []) => {
    const failure = world.failWhen?.(to, text);
    if (failure) throw new Error(failure);
    sent.push({ to, text, mentionIdList, at: limiter.t });
    return original(to, text);
  };

  const waiters = new Map<string, (d: Disposition) => void>();
  const bot = WechatyBuilder.build({ puppet });
  const adapter = new WechatAdapter({
    core: app.core,
    bot,
    limiterTime: o.limiterTime ?? limiter,
    textLimit: o.textLimit,
    settings: { puppet: 'wechaty-puppet-mock', rooms: ['省政府督办工作群'], minIntervalMs: 3000, maxPerMinute: 20, ...o.settings },
    onSettled: (id, d) => waiters.get(id)?.(d),
  });
  // What runPlatforms does, with the front door replaceable.
  app.dispatcher.register(adapter);
  const handle = o.handle?.(app);
  await adapter.start(handle ? async (m) => ({ outcome: 'accepted', result: handle(m) }) : app.inbox.accept);

  const me = mocker.createContact({ id: 'wxid_bot', name: '督办助手' });
  const chen = mocker.createContact({ id: 'wxid_chen', name: '陈立群' });
  const wang = mocker.createContact({ id: 'wxid_wangfang', name: '芳芳', alias: '发改委王芳' });
  const li = mocker.createContact({ id: 'wxid_liming', name: '老李' });
  const room = mocker.createRoom({ id: 'duban-room@chatroom', topic: '省政府督办工作群', memberIdList: [me.id, chen.id, wang.id, li.id] });
  const loggedIn = new Promise((resolve) => bot.once('login', resolve));
  mocker.login(me);
  await loggedIn;

  const flush = async () => {
    const before = sent.length;
    await app.dispatcher.kick();
    return sent.slice(before);
  };

  const world: World = {
    app,
    clock,
    logs: logger.lines,
    mocker,
    puppet,
    adapter,
    bot,
    me,
    people: { chen, wang, li },
    room,
    sent,
    limiter,
    failWhen: undefined,
    async post(from, text, p = {}) {
      const id = p.id ?? `wx-msg-${++seq}`;
      const to = p.to ?? room;
      const isRoom = 'memberIdList' in to.payload;
      const done = new Promise<Disposition>((resolve) => waiters.set(id, resolve));
      const before = sent.length;
      if (!mocker.cacheMessagePayload.has(id)) {
        mocker.MessageMock.create({
          id,
          talkerId: from.id,
          text,
          timestamp: p.timestamp ?? Date.now(),
          type: 7,
          ...(isRoom ? { roomId: to.id, mentionIdList: (p.mentions ?? []).map((c) => c.id) } : { listenerId: to.id }),
        });
      }
      puppet.emit('message', { messageId: id });
      const disposition = await done;
      waiters.delete(id);
      await app.dispatcher.kick();
      return { disposition, sent: sent.slice(before), id };
    },
    flush,
    async close() {
      await adapter.stop();
      await app.close();
    },
  };
  return world;
}
