import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lark from '@larksuiteoapi/node-sdk';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { LarkAdapter } from '../src/adapters/lark/lark-adapter.js';
import { ownCache } from '../src/adapters/lark/lark-sdk.js';
import { FakeLark, messageEvent, postEvent } from '../test/adapters/lark/fake-lark.js';
import { larkDirectory, ou, KEY } from '../test/adapters/lark/lark-world.js';
import { summarize, type Latency } from './measure.js';

export interface LarkResult {
  events: number;
  bot: Latency;
  echo: Latency;
  ratio: number;
}

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };

/**
 * Lark end to end: signed, encrypted events posted over HTTP to the real SDK in webhook mode;
 * the time until the answer reaches the fake Lark server's send endpoint. The bot handles a
 * 交办 (a write: task, audit, outbox) and answers with a card; beside it, in the same run, a
 * minimal echo bot on the same SDK (adaptDefault, reply in the handler). Both without the app
 * rate limit (50/s), which bounds both alike in production.
 */
export async function benchLark(events: number): Promise<LarkResult> {
  const fake = new FakeLark();
  await fake.start();
  const arrivals = new Map<string, () => void>();
  fake.onSent = (m) => {
    if (m.replyTo) arrivals.get(m.replyTo)?.();
  };
  const timeOne = async (url: string, i: number, text: string) => {
    const messageId = `om_in_bench_${url.length}_${i}`;
    const arrived = new Promise<void>((resolve) => arrivals.set(messageId, resolve));
    const t = performance.now();
    await postEvent(url, messageEvent({ from: ou('sun-li'), text, mentions: [bot], messageId, chatId: `oc_${i % 500}` }), KEY);
    await arrived;
    arrivals.delete(messageId);
    return performance.now() - t;
  };

  // The bot.
  const app = createApp({
    dbFile: join(mkdtempSync(join(tmpdir(), 'lark-bench-')), 'duban.db'), directory: larkDirectory(), calendar: loadCalendar(),
    clock: systemClock, logger: createLogger('error'), settings: { botName: '督办助手', throttle: { burst: 1e9, perMinute: 1e9 } },
  });
  const adapter = new LarkAdapter(
    { appId: 'cli_0123456789abcdef', appSecret: 'bench-secret', encryptKey: KEY, domain: fake.base, mode: 'webhook', webhookPort: 0, webhookPath: '/webhook/event', wsPingTimeoutSec: 15 },
    app.core, undefined, { perTarget: Infinity, perApp: Infinity },
  );
  app.dispatcher.register(adapter);
  await adapter.start(app.inbox.accept);
  const botUrl = `http://127.0.0.1:${adapter.port}/webhook/event`;

  // The echo bot.
  const client = new lark.Client({ appId: 'cli_0123456789abcdee', appSecret: 'echo-secret', domain: fake.base, cache: ownCache(), loggerLevel: lark.LoggerLevel.error });
  const dispatcher = new lark.EventDispatcher({ encryptKey: KEY, loggerLevel: lark.LoggerLevel.error }).register({
    'im.message.receive_v1': async (data) => {
      await client.im.message.reply({ path: { message_id: data.message.message_id }, data: { msg_type: 'text', content: JSON.stringify({ text: JSON.parse(data.message.content).text }) } });
      return {};
    },
  });
  const echo: Server = createServer(lark.adaptDefault('/echo', dispatcher, { autoChallenge: true }));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  const a = echo.address();
  const echoUrl = `http://127.0.0.1:${a && typeof a === 'object' ? a.port : 0}/echo`;

  // Warm both, then alternate so the machine's load falls on both alike.
  for (let i = 0; i < 20; i++) {
    await timeOne(botUrl, -1 - i, `交办 发改委 预热${i} 12月31日`);
    await timeOne(echoUrl, -1 - i, `hello ${i}`);
  }
  const botSamples: number[] = [];
  const echoSamples: number[] = [];
  for (let i = 0; i < events; i++) {
    botSamples.push(await timeOne(botUrl, i, `交办 发改委 端到端事项${i} 12月31日`));
    echoSamples.push(await timeOne(echoUrl, i, `hello ${i}`));
  }
  await adapter.stop();
  await app.close();
  await new Promise<void>((r) => echo.close(() => r()));
  await fake.stop();
  const b = summarize(botSamples);
  const e = summarize(echoSamples);
  return { events, bot: b, echo: e, ratio: b.perSecond / e.perSecond };
}
