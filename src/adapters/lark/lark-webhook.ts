import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../core/logger.js';
import { describeError } from './describe-error.js';
import { readBody } from './read-body.js';

/** Limits of the webhook endpoint; Lark's events are a few KB and arrive within a second. */
export interface WebhookLimits {
  /** Largest body read (64 KB). */
  maxBody: number;
  /** A body not received in full within this time is refused with 408 (10 s). */
  bodyTimeoutMs: number;
  /** Open connections at most; the rest are dropped at once (256). */
  maxConnections: number;
  /** Requests whose X-Lark-Request-Timestamp is further from now are refused (10 minutes). */
  maxSkewMs: number;
}

export const WEBHOOK_LIMITS: WebhookLimits = { maxBody: 64 * 1024, bodyTimeoutMs: 10_000, maxConnections: 256, maxSkewMs: 10 * 60_000 };

/** Lark sends the url_verification challenge unsigned; it is small, and only such a body is read unsigned. */
const CHALLENGE_MAX = 2048;

export interface WebhookOptions {
  path: string;
  encryptKey: string;
  verificationToken?: string;
  dispatcher: lark.EventDispatcher;
  logger: Logger;
  limits?: Partial<WebhookLimits>;
  /** Wall-clock time for the timestamp check (Lark's clock, not the bot's business clock). */
  now?: () => number;
  /** False while the bot is stopping: events are answered 503, and Lark pushes them again later. */
  accepting?: () => boolean;
  /** The health report served at GET /healthz (503 when not ok). */
  health?: () => { ok: boolean };
}

/**
 * The webhook endpoint. Unlike the SDK's adaptDefault it never hangs on a query string, never
 * lets a failing handler take the process down, and refuses before it decrypts or handles
 * anything: a request without signature headers gets 401 before its body is read (save a
 * small url_verification challenge), a stale or future timestamp 401, a body over the cap 413,
 * a slow body 408, a bad signature over the raw body 401, a body that does not decrypt 400.
 */
export function webhookServer(o: WebhookOptions): Server {
  const limits = { ...WEBHOOK_LIMITS, ...o.limits };
  const warn = throttledWarn(o.logger);
  const decrypt = decrypter(o.encryptKey);
  const server = createServer({ requestTimeout: limits.bodyTimeoutMs + 5000, headersTimeout: Math.min(10_000, limits.bodyTimeoutMs + 5000), connectionsCheckingInterval: 1000 }, (req, res) => {
    handle(req, res, o, limits, warn, decrypt).catch((e: unknown) => {
      // An event the inbox could not record: 503, so Lark pushes it again later; the core
      // reports the incident once, not per event.
      const unrecorded = (e as Error | undefined)?.name === 'InboxUnavailableError';
      if (!unrecorded) o.logger.error('lark webhook failed', { error: describeError(e) });
      if (!res.headersSent) reply(res, unrecorded ? 503 : 500, { error: unrecorded ? 'not recorded, retry later' : 'internal' });
    });
  });
  server.maxConnections = limits.maxConnections;
  server.keepAliveTimeout = 5000;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, o: WebhookOptions, limits: WebhookLimits, warn: (why: string) => void, decrypt: Decrypt): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz' && req.method === 'GET' && o.health) {
    const h = o.health();
    return reply(res, h.ok ? 200 : 503, h);
  }
  // Stopping: Lark pushes the event again later.
  if (o.accepting && !o.accepting()) return refuse(res, 503, 'stopping');
  if (url.pathname !== o.path) return refuse(res, 404, 'not found');
  if (req.method !== 'POST') return refuse(res, 405, 'POST only');
  const sig = signatureHeaders(req);
  const declared = Number(req.headers['content-length']);
  if (!sig) {
    if (!(declared > 0 && declared <= CHALLENGE_MAX)) {
      warn('missing signature');
      return refuse(res, 401, 'missing signature');
    }
    const body = await readBody(req, CHALLENGE_MAX, limits.bodyTimeoutMs);
    const challenge = body.kind === 'ok' ? challengeOf(body.text, o, decrypt) : undefined;
    if (challenge) return reply(res, 200, challenge);
    warn('missing signature');
    return refuse(res, 401, 'missing signature');
  }
  const now = (o.now ?? Date.now)();
  if (!(Math.abs(now - Number(sig.ts) * 1000) <= limits.maxSkewMs)) {
    warn('timestamp outside ±10 minutes');
    return refuse(res, 401, 'stale timestamp');
  }
  if (declared > limits.maxBody) return refuse(res, 413, 'too large');
  const body = await readBody(req, limits.maxBody, limits.bodyTimeoutMs);
  if (body.kind === 'too_large') return refuse(res, 413, 'too large');
  if (body.kind === 'timeout') return refuse(res, 408, 'request timeout');
  if (body.kind === 'aborted') return;
  if (!signatureValid(sig, body.text, o.encryptKey)) {
    warn('bad signature');
    return refuse(res, 401, 'bad signature');
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body.text) as Record<string, unknown>;
  } catch {
    return refuse(res, 400, 'bad json');
  }
  if (!parsed || typeof parsed !== 'object') return refuse(res, 400, 'bad json');
  // Decrypted once, here: the dispatcher gets the plain event as the SDK would have read it
  // (the body's other fields over it), and one that does not decrypt as it came, for the SDK to refuse.
  const plain = decrypt(parsed);
  const challenge = plain ? challengeIn(plain, o) : undefined;
  if (challenge) return reply(res, 200, challenge);
  const event = plain && plain !== parsed ? Object.assign(plain, withoutEncrypt(parsed)) : parsed;
  const data = Object.assign(Object.create({ headers: req.headers }) as object, event);
  let value: unknown;
  try {
    value = await handleEvent(o.dispatcher, data);
  } catch (e) {
    // Not recorded in the inbox: answered 503 by the caller, so Lark pushes it again later.
    if ((e as Error | undefined)?.name === 'InboxUnavailableError') throw e;
    // Signed but not decryptable: the sender knows the key, so this is a misconfiguration, not an attack.
    o.logger.warn('lark webhook: signed event could not be decrypted or parsed', { error: describeError(e) });
    return refuse(res, 400, 'bad event');
  }
  return reply(res, 200, value ?? {});
}

/** The one call into the event handlers. The signature was checked over the raw body above. */
function handleEvent(dispatcher: lark.EventDispatcher, data: object): Promise<unknown> {
  return dispatcher.invoke(data, { needCheck: false });
}

/** The url_verification answer, when the raw body is one (decrypted with the key; the token checked if configured). */
function challengeOf(raw: string, o: WebhookOptions, decrypt: Decrypt): { challenge: string } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const plain = decrypt(body as Record<string, unknown>);
  return plain ? challengeIn(plain, o) : undefined;
}

/** The url_verification answer, when the decrypted body is one. */
function challengeIn(plain: Record<string, unknown>, o: WebhookOptions): { challenge: string } | undefined {
  if (plain.type !== 'url_verification' || typeof plain.challenge !== 'string') return undefined;
  if (o.verificationToken && plain.token !== o.verificationToken) return undefined;
  return { challenge: plain.challenge };
}

/** The body decrypted (as is when not encrypted); undefined when it does not decrypt to an object. */
type Decrypt = (body: Record<string, unknown>) => Record<string, unknown> | undefined;

/** Lark's AES-256-CBC (key: sha256 of the encrypt key, hashed once; IV: the first 16 bytes). */
function decrypter(encryptKey: string): Decrypt {
  const key = createHash('sha256').update(encryptKey).digest();
  return (body) => {
    if (typeof body.encrypt !== 'string') return body;
    try {
      const bytes = Buffer.from(body.encrypt, 'base64');
      const decipher = createDecipheriv('aes-256-cbc', key, bytes.subarray(0, 16));
      const plain = JSON.parse(decipher.update(bytes.subarray(16), undefined, 'utf8') + decipher.final('utf8')) as unknown;
      return plain && typeof plain === 'object' ? (plain as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
}

function withoutEncrypt(body: Record<string, unknown>): Record<string, unknown> {
  const { encrypt: _, ...rest } = body;
  return rest;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** An error answer; the connection is closed so that an unread body is never waited for. */
function refuse(res: ServerResponse, status: number, error: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end(JSON.stringify({ error }));
}

interface Signature {
  ts: string;
  nonce: string;
  sig: string;
}

function signatureHeaders(req: IncomingMessage): Signature | undefined {
  const h = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const ts = h('x-lark-request-timestamp');
  const nonce = h('x-lark-request-nonce');
  const sig = h('x-lark-signature');
  return ts && nonce && sig ? { ts, nonce, sig } : undefined;
}

/** sha256(timestamp + nonce + encryptKey + body) must equal X-Lark-Signature. */
function signatureValid(s: Signature, raw: string, encryptKey: string): boolean {
  const expected = createHash('sha256')
    .update(s.ts + s.nonce + encryptKey + raw)
    .digest('hex');
  return expected.length === s.sig.length && timingSafeEqual(Buffer.from(expected), Buffer.from(s.sig));
}

/** Refusals are logged once a minute per kind, with how many there were: an attack does not flood the log. */
function throttledWarn(logger: Logger): (why: string) => void {
  const last = new Map<string, { at: number; count: number }>();
  return (why) => {
    const now = Date.now();
    const seen = last.get(why);
    if (seen && now - seen.at < 60_000) {
      seen.count += 1;
      return;
    }
    logger.warn('lark webhook: request rejected', { why, ...(seen ? { sinceLast: seen.count } : {}) });
    last.set(why, { at: now, count: 0 });
  };
}
