import { createServer, type Server } from 'node:http';
import protobuf from 'protobufjs';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SentMessage {
  uuid?: string;
  receiveIdType?: string;
  receiveId?: string;
  replyTo?: string;
  msgType: string;
  content: string;
  messageId: string;
  /** Time of arrival as the test's clock tells it. */
  at: number;
}

/** A file or image uploaded to im/v1/files or im/v1/images. */
export interface Upload {
  kind: 'file' | 'image';
  key: string;
  fields: Record<string, string>;
  fileName?: string;
  bytes: Buffer;
}

export interface Failure {
  status: number;
  code?: number;
  resetSeconds?: number;
}

/** pbbp2.Frame, as the SDK's long connection encodes it. */
const Frame = protobuf.Root.fromJSON({
  nested: {
    Header: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    Frame: {
      fields: {
        // Required, as in the SDK's schema: a control frame's method 0 must be on the wire.
        SeqID: { rule: 'required', type: 'uint64', id: 1 },
        LogID: { rule: 'required', type: 'uint64', id: 2 },
        service: { rule: 'required', type: 'int32', id: 3 },
        method: { rule: 'required', type: 'int32', id: 4 },
        headers: { rule: 'repeated', type: 'Header', id: 5 },
        payloadEncoding: { type: 'string', id: 6 },
        payloadType: { type: 'string', id: 7 },
        payload: { type: 'bytes', id: 8 },
        LogIDNew: { type: 'string', id: 9 },
      },
    },
  },
}).lookupType('Frame');

/**
 * A fake Lark Open Platform on 127.0.0.1: tenant token, bot info, send, reply and patch (each
 * idempotent by `uuid`, as Lark is), programmable failures (429 with a reset header, 500s),
 * and the long-connection endpoint with its protobuf-framed WebSocket.
 */
export { cardEvent, encrypt, messageEvent, postEvent } from './lark-events.js';

export class FakeLark {
  readonly sent: SentMessage[] = [];
  readonly patched: Array<{ messageId: string; content: string }> = [];
  readonly requests: string[] = [];
  readonly failures: Failure[] = [];
  readonly uploads: Upload[] = [];
  /** Failures for the next uploads, in order. */
  readonly uploadFailures: Failure[] = [];
  readonly botOpenId = 'ou_bot';
  tokenRequests = 0;
  /** While set, the token endpoint answers with this failure. */
  tokenFailure: Failure | undefined;
  /** Message ids (besides the ones this fake sent and the test's `om_in_…`) that a reply may target. */
  readonly knownMessages = new Set<string>();
  /** The long connection's settings as the endpoint hands them out (seconds), also sent in every pong. */
  wsClientConfig = { PingInterval: 120, ReconnectCount: 0, ReconnectInterval: 1, ReconnectNonce: 0 };
  /** How many endpoint-discovery calls are still to be refused (with a 500). */
  refuseEndpoint = 0;
  /** Long connections opened so far. */
  wsConnections = 0;
  /** While true, every request is cut off as if the network were down. */
  offline = false;
  clock: () => number = () => Date.now();
  /** Called for each message accepted (the benchmark times arrivals). */
  onSent: ((m: SentMessage) => void) | undefined;
  private readonly byUuid = new Map<string, string>();
  private server!: Server;
  private wss!: WebSocketServer;
  private sockets: WebSocket[] = [];
  private acks = new Map<string, (payload: unknown) => void>();
  /** Sockets dropped silently: still open at the TCP level, but nothing goes through. */
  private readonly dead = new Set<WebSocket>();
  private seq = 0;

  get base(): string {
    const a = this.server.address();
    return `http://127.0.0.1:${a && typeof a === 'object' ? a.port : 0}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (this.offline) {
        req.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const raw = bytes.toString('utf8');
        const url = new URL(req.url ?? '/', 'http://x');
        this.requests.push(`${req.method} ${url.pathname}`);
        const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        };
        if (url.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
          this.tokenRequests += 1;
          if (this.tokenFailure) return json(this.tokenFailure.status, { code: this.tokenFailure.code ?? this.tokenFailure.status, msg: 'invalid app_secret' });
          return json(200, { code: 0, msg: 'ok', tenant_access_token: `t-${this.tokenRequests}`, expire: 7200 });
        }
        if (url.pathname === '/open-apis/bot/v3/info') return json(200, { code: 0, msg: 'ok', bot: { open_id: this.botOpenId, app_name: '督办助手' } });
        if (url.pathname === '/callback/ws/endpoint') {
          if (this.refuseEndpoint > 0) {
            this.refuseEndpoint -= 1;
            return json(500, { code: 1, msg: 'system busy' });
          }
          return json(200, {
            code: 0,
            msg: 'ok',
            data: { URL: `ws://127.0.0.1:${new URL(this.base).port}/ws?device_id=d&service_id=7`, ClientConfig: this.wsClientConfig },
          });
        }
        const upload = /^\/open-apis\/im\/v1\/(files|images)$/.exec(url.pathname);
        if (req.method === 'POST' && upload) {
          const failure = this.uploadFailures.shift();
          if (failure) return json(failure.status, { code: failure.code ?? failure.status, msg: 'injected failure' });
          const kind = upload[1] === 'files' ? 'file' : 'image';
          const parts = multipart(bytes, String(req.headers['content-type'] ?? ''));
          const file = parts.find((p) => p.filename !== undefined);
          const key = `${kind}_v3_${++this.seq}`;
          const fields = Object.fromEntries(parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]));
          this.uploads.push({ kind, key, fields, fileName: fields.file_name, bytes: file?.data ?? Buffer.alloc(0) });
          return json(200, { code: 0, msg: 'success', data: kind === 'file' ? { file_key: key } : { image_key: key } });
        }
        const body = raw ? (JSON.parse(raw) as Record<string, string>) : {};
        const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(url.pathname);
        if (req.method === 'PATCH' && patch) {
          this.patched.push({ messageId: patch[1] ?? '', content: body.content ?? '' });
          return json(200, { code: 0, msg: 'success' });
        }
        const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(url.pathname);
        const target = reply ? decodeURIComponent(reply[1] ?? '') : undefined;
        if (target !== undefined && !this.isKnownMessage(target)) {
          // As Lark does for an id that is no message (e.g. `card:<event_id>`).
          return json(400, { code: 230001, msg: `invalid message_id: ${target}` });
        }
        if (url.pathname === '/open-apis/im/v1/messages' || reply) {
          const failure = this.failures.shift();
          if (failure) {
            return json(
              failure.status,
              { code: failure.code ?? failure.status, msg: 'injected failure' },
              failure.resetSeconds ? { 'x-ogw-ratelimit-reset': String(failure.resetSeconds), 'x-ogw-ratelimit-limit': '5' } : {},
            );
          }
          const uuid = body.uuid;
          const known = uuid ? this.byUuid.get(uuid) : undefined;
          const messageId = known ?? `om_${++this.seq}`;
          if (!known) {
            if (uuid) this.byUuid.set(uuid, messageId);
            const sent: SentMessage = {
              uuid,
              receiveIdType: url.searchParams.get('receive_id_type') ?? undefined,
              receiveId: body.receive_id,
              replyTo: target,
              msgType: body.msg_type ?? '',
              content: body.content ?? '',
              messageId,
              at: this.clock(),
            };
            this.sent.push(sent);
            this.onSent?.(sent);
          }
          return json(200, { code: 0, msg: 'success', data: { message_id: messageId, chat_id: body.receive_id } });
        }
        json(404, { code: -1, msg: `no route ${url.pathname}` });
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/ws' });
    this.wss.on('connection', (sock) => {
      this.sockets.push(sock);
      this.wsConnections += 1;
      sock.on('close', () => {
        this.sockets = this.sockets.filter((x) => x !== sock);
      });
      sock.on('message', (buf: Buffer) => {
        if (this.dead.has(sock)) return; // silently dropped: nothing is read, nothing answered
        const f = Frame.decode(buf) as unknown as { method: number; service: number; headers: Array<{ key: string; value: string }>; payload: Uint8Array };
        const h = Object.fromEntries(f.headers.map((x) => [x.key, x.value]));
        if (f.method === 0 && h.type === 'ping') {
          const pong = Frame.create({ SeqID: 0, LogID: 0, service: f.service, method: 0, headers: [{ key: 'type', value: 'pong' }], payload: Buffer.from(JSON.stringify(this.wsClientConfig)) });
          sock.send(Frame.encode(pong).finish());
          return;
        }
        if (f.method === 1 && h.message_id && this.acks.has(h.message_id)) {
          this.acks.get(h.message_id)?.(JSON.parse(Buffer.from(f.payload).toString('utf8')));
          this.acks.delete(h.message_id);
        }
      });
    });
    // A chart drawn on the same thread can block it past the default 5 s keep-alive: the server
    // would then drop the idle socket just as the SDK reuses it (ECONNRESET on the next send).
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private isKnownMessage(id: string): boolean {
    return id.startsWith('om_in_') || this.knownMessages.has(id) || this.sent.some((m) => m.messageId === id);
  }

  /** The network drops the long connection without a word: no close, no reset, no more frames either way. */
  dropSilently(): void {
    for (const s of this.sockets) this.dead.add(s);
  }

  /** The long connection is cut at once (the SDK sees the close and redials). */
  closeSockets(): void {
    for (const s of this.sockets) s.terminate();
  }

  private live(): WebSocket[] {
    return this.sockets.filter((s) => !this.dead.has(s));
  }

  /** Waits for the SDK's long connection to be up. */
  async connected(timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (this.live().length === 0) {
      if (Date.now() - start > timeoutMs) throw new Error('no websocket connection');
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 150)); // the SDK listens only once the handshake settles
  }

  /** Pushes an event over the long connection; resolves with the client's ack payload. */
  pushOverWs(event: unknown): Promise<{ code: number; data?: string }> {
    const id = `frame-${++this.seq}`;
    const ack = new Promise<{ code: number; data?: string }>((resolve) => this.acks.set(id, resolve as (p: unknown) => void));
    const frame = Frame.create({
      SeqID: this.seq,
      LogID: this.seq,
      service: 7,
      method: 1,
      headers: [
        { key: 'type', value: 'event' },
        { key: 'message_id', value: id },
        { key: 'sum', value: '1' },
        { key: 'seq', value: '0' },
        { key: 'trace_id', value: id },
      ],
      payload: Buffer.from(JSON.stringify(event)),
    });
    this.live().at(-1)?.send(Frame.encode(frame).finish());
    return ack;
  }
}

/** The parts of a multipart/form-data body (enough for the SDK's uploads). */
function multipart(body: Buffer, contentType: string): Array<{ name: string; filename?: string; data: Buffer }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return [];
  const sep = Buffer.from(`--${b}`);
  const out: Array<{ name: string; filename?: string; data: Buffer }> = [];
  let at = body.indexOf(sep);
  while (at >= 0) {
    const next = body.indexOf(sep, at + sep.length);
    if (next < 0) break;
    const part = body.subarray(at + sep.length + 2, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString('utf8');
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    out.push({ name, filename, data: part.subarray(headEnd + 4) });
    at = next;
  }
  return out;
}
