import { afterEach, describe, expect, it } from 'vitest';
import { cardEvent, messageEvent } from './fake-lark.js';
import { larkWorld, ou, type LarkWorld } from './lark-world.js';

let w: LarkWorld;
afterEach(() => w.close());

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };

describe('飞书 long connection (WSClient against a local endpoint)', () => {
  it('receives messages and card callbacks over the long connection and acknowledges them', async () => {
    w = await larkWorld({ mode: 'ws' });
    await w.fake.connected();
    expect(w.fake.requests).toContain('POST /callback/ws/endpoint');
    const ack = await w.fake.pushOverWs(messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] }));
    expect(ack.code).toBe(200);
    await w.settle();
    expect(JSON.parse(w.fake.sent[0]?.content ?? '{}').header.title.content).toBe('已交办 D-0001');
    const cardAck = await w.fake.pushOverWs(cardEvent({ operator: ou('wang-fang'), command: '签收 D-0001', messageId: w.fake.sent[0]?.messageId }));
    const response = JSON.parse(Buffer.from(cardAck.data ?? '', 'base64').toString('utf8')) as { toast: { content: string }; card: unknown };
    expect(response.toast.content).toContain('D-0001 已签收（省发展改革委 王芳');
    expect(JSON.stringify(response.card)).toContain('已签收 · 王芳');
    await w.settle();
    expect(w.fake.sent).toHaveLength(2);
  });
});

/** Waits for a condition of the real SDK's timers (the long connection cannot run on a fake clock); fails rather than hangs. */
async function until(what: string, ok: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('飞书 long connection liveness', () => {
  it('notices a connection the network dropped silently (no pong after a ping) and reconnects', async () => {
    const { FakeLark } = await import('./fake-lark.js');
    const fake = new FakeLark();
    await fake.start();
    // Pings every 0.4 s; a pong is owed within 0.2 s.
    fake.wsClientConfig = { PingInterval: 0.4, ReconnectCount: -1, ReconnectInterval: 0.1, ReconnectNonce: 0 };
    w = await larkWorld({ mode: 'ws', fake, settings: { wsPingTimeoutSec: 0.2 } });
    await w.fake.connected();
    fake.dropSilently();
    await until('a second long connection', () => fake.wsConnections >= 2);
    await w.fake.connected();
    const ack = await w.fake.pushOverWs(messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] }));
    expect(ack.code).toBe(200);
    await w.settle();
    expect(JSON.parse(w.fake.sent[0]?.content ?? '{}').header.title.content).toBe('已交办 D-0001');
    expect(w.h.logs.join('\n')).toContain('no pong/inbound within 0.2s');
  }, 30_000);

  it('starts the client afresh when getConnectionStatus() says it gave up', async () => {
    const { FakeLark } = await import('./fake-lark.js');
    const fake = new FakeLark();
    await fake.start();
    fake.wsClientConfig = { PingInterval: 120, ReconnectCount: 1, ReconnectInterval: 0.05, ReconnectNonce: 0 };
    w = await larkWorld({ mode: 'ws', fake, settings: { wsWatchMs: 50 } });
    await w.fake.connected();
    // The SDK makes one reconnect attempt (ReconnectCount 1); it is refused, and the SDK gives up.
    fake.refuseEndpoint = 1;
    fake.closeSockets();
    await until('a new long connection', () => fake.wsConnections >= 2);
    expect(w.h.logs.some((l) => l.includes('"state":"failed"'))).toBe(true);
    await w.fake.connected();
    const ack = await w.fake.pushOverWs(messageEvent({ from: ou('sun-li'), text: '@_user_1 帮助', mentions: [bot] }));
    expect(ack.code).toBe(200);
    expect(w.adapter.connectionState()).toBe('connected');
  }, 30_000);
});
