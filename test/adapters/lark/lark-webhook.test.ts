import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encrypt, messageEvent, postEvent } from './fake-lark.js';
import { KEY, larkWorld, ou, type LarkWorld } from './lark-world.js';

let w: LarkWorld;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await w.close();
});

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };
const assign = () => messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单 12月18日', mentions: [bot] });

/** Opens a raw connection to the webhook and writes `head` (and nothing more unless told). */
function rawRequest(port: number, head: string): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let data = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (b) => (data += b.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
    // The answer is complete when the server closes, or once a status line and body are in.
    socket.on('data', () => {
      if (/\r\n\r\n\{.*\}$/s.test(data)) resolve(data);
    });
  });
  socket.write(head);
  return { socket, answer };
}

/** Fails (rather than hanging the suite) when the server does not answer at all. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer: ${what}`)), ms).unref())]);
}

function signedHead(port: number, length: number, ts = Math.floor(Date.now() / 1000)): string {
  const nonce = randomBytes(8).toString('hex');
  const sig = createHash('sha256').update(`${ts}${nonce}${KEY}whatever`).digest('hex');
  return (
    `POST /webhook/event HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n` +
    `X-Lark-Request-Timestamp: ${ts}\r\nX-Lark-Request-Nonce: ${nonce}\r\nX-Lark-Signature: ${sig}\r\n\r\n`
  );
}

describe('the webhook checks before it reads or decrypts', () => {
  it('answers 401 to a request without signature headers before its body is sent', async () => {
    w = await larkWorld();
    const head = `POST /webhook/event HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n`;
    const { answer } = rawRequest(w.adapter.port, head);
    expect(await within(answer, 5000, 'unsigned request')).toMatch(/^HTTP\/1\.1 401/);
  });

  it('answers 401, not 500 with a stack trace, to a forged encrypted body', async () => {
    w = await larkWorld();
    const forged = await fetch(w.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt: 'bm90IHJlYWxseSBlbmNyeXB0ZWQ=' }) });
    expect(forged.status).toBe(401);
    const wrongKey = await fetch(w.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(encrypt({ type: 'url_verification', challenge: 'x' }, 'other-key')) });
    expect(wrongKey.status).toBe(401);
    expect(w.h.logs.filter((l) => l.includes('ERROR'))).toEqual([]);
    expect(w.h.logs.join('\n')).not.toMatch(/stack|at .*\.js:\d+/);
  });

  it('refuses a timestamp more than 10 minutes off, either way', async () => {
    w = await larkWorld();
    const now = Date.now();
    expect((await postEvent(w.url, assign(), KEY, { timestamp: now - 11 * 60_000 })).status).toBe(401);
    expect((await postEvent(w.url, assign(), KEY, { timestamp: now + 11 * 60_000 })).status).toBe(401);
    expect((await postEvent(w.url, assign(), KEY, { timestamp: now - 9 * 60_000 })).status).toBe(200);
    await w.settle();
    expect(w.fake.sent).toHaveLength(1);
  });

  it('refuses a body over 64 KB with 413, whether declared or streamed', async () => {
    w = await larkWorld();
    expect((await postEvent(w.url, assign(), KEY, { pad: 70 * 1024 })).status).toBe(413);
    expect((await postEvent(w.url, assign(), KEY, { pad: 30 * 1024 })).status).toBe(200);
  });

  it('answers 408 to a body that does not arrive in time, and frees the connection', async () => {
    w = await larkWorld({ settings: { webhookLimits: { bodyTimeoutMs: 200 } } });
    const { socket, answer } = rawRequest(w.adapter.port, signedHead(w.adapter.port, 500));
    socket.write('{"encrypt":"');
    expect(await within(answer, 5000, 'slow body')).toMatch(/^HTTP\/1\.1 408/);
  });

  it('caps the open connections: one over the cap is closed at once, and the endpoint still serves after', async () => {
    w = await larkWorld({ settings: { webhookLimits: { maxConnections: 3 } } });
    const idle = [0, 1, 2].map(() => rawRequest(w.adapter.port, 'POST /webhook/event HTTP/1.1\r\n'));
    await Promise.all(idle.map((c) => new Promise((r) => c.socket.once('connect', r))));
    const extra = rawRequest(w.adapter.port, '');
    expect(await within(extra.answer, 5000, 'connection over the cap')).toBe('');
    for (const c of idle) c.socket.destroy();
    await new Promise((r) => setImmediate(r));
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) status = (await postEvent(w.url, assign(), KEY)).status;
    expect(status).toBe(200);
  });
});

describe('secrets stay out of the log', () => {
  it('logs status, code and path when the token endpoint fails, never app_secret or the message body', async () => {
    w = await larkWorld();
    // The send is refused for its token, so the SDK asks for a new one: the token endpoint fails.
    w.fake.failures.push({ status: 400, code: 99991663 });
    w.fake.tokenFailure = { status: 400, code: 10014 };
    await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 交办 发改委 编制清单BODY-Z3 12月18日', mentions: [bot] }), KEY);
    await w.settle();
    w.h.clock.advance(60_000);
    await w.h.app.dispatcher.kick();
    const log = w.h.logs.join('\n');
    expect(log).toContain('lark sdk');
    expect(log).toContain('/open-apis/auth/v3/tenant_access_token/internal');
    expect(log).toMatch(/status\\?":400,\\?"code\\?":10014/);
    expect(log).not.toContain('test-secret');
    expect(log).not.toContain('BODY-Z3');
    expect(log).not.toMatch(/Bearer|t-\d|authorization/i);
  });
});
