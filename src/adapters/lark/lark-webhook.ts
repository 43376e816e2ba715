import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../core/logger.js';

const MAX_BODY = 1024 * 1024;

/**
 * The webhook endpoint. Unlike the SDK's adaptDefault it never hangs on a query string, never
 * lets a failing handler take the process down, checks the signature over the raw body (and
 * rejects a forged or unsigned request with 401 before anything is decrypted or handled), and
 * answers the url_verification challenge.
 */
export function webhookServer(o: {
  path: string;
  encryptKey: string;
  dispatcher: lark.EventDispatcher;
  logger: Logger;
}): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== o.path) return reply(res, 404, { error: 'not found' });
      if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
      const raw = await readBody(req);
      if (raw === undefined) return reply(res, 413, { error: 'too large' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return reply(res, 400, { error: 'bad json' });
      }
      const data = Object.assign(Object.create({ headers: req.headers }) as object, body);
      const { isChallenge, challenge } = lark.generateChallenge(data, { encryptKey: o.encryptKey });
      if (isChallenge) return reply(res, 200, challenge);
      if (!signed(req, raw, o.encryptKey)) {
        o.logger.warn('lark webhook: bad or missing signature, request rejected', { from: req.socket.remoteAddress });
        return reply(res, 401, { error: 'bad signature' });
      }
      const value = await o.dispatcher.invoke(data);
      return reply(res, 200, value ?? {});
    })().catch((e: unknown) => {
      o.logger.error('lark webhook failed', { error: e });
      if (!res.headersSent) reply(res, 500, { error: 'internal' });
    });
  });
}

function reply(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** sha256(timestamp + nonce + encryptKey + body) must equal X-Lark-Signature. */
function signed(req: IncomingMessage, raw: string, encryptKey: string): boolean {
  const h = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const ts = h('x-lark-request-timestamp');
  const nonce = h('x-lark-request-nonce');
  const sig = h('x-lark-signature');
  if (!ts || !nonce || !sig) return false;
  const expected = createHash('sha256').update(ts + nonce + encryptKey + raw).digest('hex');
  return expected.length === sig.length && timingSafeEqual(Buffer.from(expected), Buffer.from(sig));
}
