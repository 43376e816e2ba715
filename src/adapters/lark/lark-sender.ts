import type * as lark from '@larksuiteoapi/node-sdk';
import { SendError, type OutgoingMessage, type SendResult } from '../../outbox/outgoing.js';
import { renderLark } from './lark-card.js';
import type { SendRateLimiter } from './rate-limiter.js';

/** Lark codes that mean "slow down": frequency limits for the app, a chat, a tenant. */
const RATE_CODES = new Set([99991400, 230020, 11232]);
/** The tenant token was rejected: fetch a new one and try again. */
export const TOKEN_CODES = new Set([99991661, 99991663, 99991668]);

interface LarkResponse {
  code?: number;
  msg?: string;
  data?: { message_id?: string };
}

/**
 * Sends one outbox message: a reply in the thread when it answers a message, else a new
 * message to the chat or user. Every send carries the outbox id as `uuid`, so a retry never
 * posts twice. Throttled by the limiter; failures become SendErrors the outbox understands.
 */
export async function sendToLark(client: lark.Client, limiter: SendRateLimiter, msg: OutgoingMessage, onTokenRejected?: () => void): Promise<SendResult> {
  const body = renderLark(msg.reply, msg.people);
  const release = await limiter.acquire(`${msg.targetKind}:${msg.targetId}`);
  const uuid = `duban-${msg.id}`;
  // Only a Lark message can be replied to; `card:…` (a button press queued before replies went to
  // the card's open_message_id) is posted to the chat instead, as is an answer whose message is gone.
  const replyTo = msg.replyTo && !msg.replyTo.startsWith('card:') ? msg.replyTo : undefined;
  const create = async (): Promise<LarkResponse> =>
    (await client.im.message.create({
      params: { receive_id_type: msg.targetKind === 'chat' ? 'chat_id' : 'open_id' },
      data: { receive_id: msg.targetId, msg_type: body.msgType, content: body.content, uuid },
    })) as LarkResponse;
  let res: LarkResponse;
  try {
    if (replyTo) {
      try {
        res = (await client.im.message.reply({
          path: { message_id: replyTo },
          data: { msg_type: body.msgType, content: body.content, uuid, reply_in_thread: false },
        })) as LarkResponse;
      } catch (e) {
        // The message to answer is gone (withdrawn) or is no message Lark knows: nothing was
        // posted, so the answer goes to the chat (or the person) itself rather than nowhere.
        if (!replyTargetGone(e)) throw e;
        res = await create();
      }
      if (res.code !== undefined && REPLY_GONE_CODES.has(res.code)) res = await create();
    } else {
      res = await create();
    }
  } catch (e) {
    const error = classify(e);
    if (/token rejected/.test(error.message)) onTokenRejected?.();
    throw error;
  } finally {
    release();
  }
  if (res.code !== undefined && res.code !== 0) {
    if (TOKEN_CODES.has(res.code)) onTokenRejected?.();
    throw businessError(res.code, res.msg);
  }
  return { remoteId: res.data?.message_id };
}

/** Lark's answers to a reply whose message cannot be answered: 230001 invalid message_id, 230011 withdrawn. */
const REPLY_GONE_CODES = new Set([230001, 230011]);

function replyTargetGone(e: unknown): boolean {
  const code = (e as { response?: { data?: { code?: number } } }).response?.data?.code;
  return code !== undefined && REPLY_GONE_CODES.has(code);
}

function businessError(code: number, msg?: string): SendError {
  const text = `lark code ${code}: ${msg ?? ''}`;
  return new SendError(text, RATE_CODES.has(code) || TOKEN_CODES.has(code));
}

/** Axios errors from the SDK: rate limits and server errors are retried, the rest are final. */
export function classify(e: unknown): SendError {
  const err = e as { response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> }; message?: string };
  const status = err.response?.status;
  const code = err.response?.data?.code;
  if (status === undefined) return new SendError(`lark unreachable: ${err.message ?? String(e)}`, true);
  if (status === 429 || (code !== undefined && RATE_CODES.has(code))) {
    const reset = Number(err.response?.headers?.['x-ogw-ratelimit-reset']);
    return new SendError(`lark rate limited (${status}, code ${code ?? '-'})`, true, Number.isFinite(reset) && reset > 0 ? reset * 1000 : 1000);
  }
  if (status >= 500) return new SendError(`lark server error ${status}`, true);
  if (code !== undefined && TOKEN_CODES.has(code)) return new SendError(`lark token rejected (code ${code})`, true);
  return new SendError(`lark refused ${status}, code ${code ?? '-'}: ${err.response?.data?.msg ?? ''}`, false);
}
