import type { InboundMessage } from '../core/inbound.js';
import type { OutgoingMessage } from '../outbox/outgoing.js';

/** Platforms that push an unacknowledged event again on their own. */
const REDELIVERS = new Set(['lark']);

/**
 * The answer sent straight to a chat whose message the ledger could not record. Its id is
 * negative and unique, so it never collides with an outbox id used as an idempotency key.
 */
export function inboxDownNotice(msg: InboundMessage): OutgoingMessage {
  const again = REDELIVERS.has(msg.platform) ? '平台稍后会自动重发该消息，恢复后将按顺序处理，请勿重复发送。' : '请在系统恢复后重新发送。';
  return {
    id: -Date.now(),
    platform: msg.platform,
    targetKind: 'chat',
    targetId: msg.chatId,
    reply: { tone: 'error', title: `系统存储故障，刚才的消息暂未记录。${again}` },
    attempts: 0,
    origin: `inbox-down:${msg.platform}:${msg.messageId}`,
    createdAt: new Date().toISOString(),
    people: {},
  };
}
