import type { InboundMessage } from '../../core/inbound.js';

/** The fields of `im.message.receive_v1` the bot reads (the SDK hands the event flattened). */
export interface LarkMessageEvent {
  event_id?: string;
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: Array<{ key?: string; name?: string; id?: { open_id?: string } }>;
  };
}

/** The fields of `card.action.trigger` the bot reads. */
export interface LarkCardEvent {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { value?: unknown; form_value?: Record<string, unknown>; input_value?: string };
  context?: { open_message_id?: string; open_chat_id?: string };
}

/** Every string inside a parsed body, however deep: what the 涉密 guard must see. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/**
 * Text of a text or rich-text (post) message, and every other string it carries (a post's
 * title, code blocks, markdown, links); undefined for images, files and the like.
 */
function textOf(messageType: string | undefined, content: string | undefined): { text: string; other: string[] } | undefined {
  if (!content) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const other = strings(body);
  if (messageType === 'text') {
    const text = (body as { text?: unknown }).text;
    return typeof text === 'string' ? { text, other } : undefined;
  }
  if (messageType === 'post') {
    // {title, content: [[{tag:'text', text}, {tag:'at', user_id}], …]}, possibly under a locale key.
    const post = (body as Record<string, unknown>).content ? body : Object.values(body as Record<string, unknown>)[0];
    const rows = (post as { content?: unknown })?.content;
    const text = (Array.isArray(rows) ? rows : [])
      .map((row) =>
        (Array.isArray(row) ? row : [])
          .map((el) => {
            const e = (el ?? {}) as { tag?: string; text?: unknown; user_id?: unknown };
            if ((e.tag === 'text' || e.tag === 'a') && typeof e.text === 'string') return e.text;
            if (e.tag === 'at' && typeof e.user_id === 'string' && e.user_id) return e.user_id.startsWith('@') ? e.user_id : `@${e.user_id}`;
            return '';
          })
          .join(''),
      )
      .join('\n');
    return { text, other };
  }
  return undefined;
}

/** `@_user_1` … placeholders and `@ou_…` open ids, each matched as a whole token (`@_user_1` is not a prefix of `@_user_10`). */
const MENTION_TOKEN = /@_user_\d+|@_all|@ou_[0-9A-Za-z_-]+/g;

/**
 * `im.message.receive_v1` → InboundMessage: `@_user_N` placeholders become `@名字`, the bot's own
 * mention is dropped (it only marks the message as addressed), other mentions keep their open_id.
 * Undefined for what the bot does not read: its own messages, other bots, non-text messages.
 */
export function normalizeMessage(e: LarkMessageEvent, botOpenId: string): InboundMessage | undefined {
  const m = e.message;
  if (!m?.message_id || !m.chat_id || e.sender?.sender_type !== 'user') return undefined;
  const sender = e.sender.sender_id?.open_id;
  if (!sender || sender === botOpenId) return undefined;
  const body = textOf(m.message_type, m.content);
  if (body === undefined) return undefined;
  let mentionsBot = false;
  const mentions: InboundMessage['mentions'] = [];
  const tokens = new Map<string, string>();
  for (const mention of m.mentions ?? []) {
    const key = mention.key ?? '';
    const id = mention.id?.open_id;
    if (id === botOpenId) {
      mentionsBot = true;
      if (key) tokens.set(key, ' ');
      tokens.set(`@${id}`, ' ');
      continue;
    }
    const name = (mention.name ?? id ?? '').replace(/\s+/g, '');
    if (key) tokens.set(key, `@${name}`);
    if (id) tokens.set(`@${id}`, `@${name}`);
    if (!mentions.some((x) => x.accountId === id)) mentions.push({ accountId: id, name });
  }
  const text = body.text.replace(MENTION_TOKEN, (token) => tokens.get(token) ?? token);
  const direct = m.chat_type === 'p2p';
  return {
    platform: 'lark',
    messageId: m.message_id,
    chatId: m.chat_id,
    chatType: direct ? 'direct' : 'group',
    senderAccountId: sender,
    text: text.replace(/\s+/g, ' ').trim(),
    otherTexts: body.other,
    mentions,
    mentionsBot: mentionsBot || direct,
  };
}

/** A card button (or form submit) → the command it runs, as if typed by the person who pressed it. */
export function normalizeCardAction(e: LarkCardEvent): InboundMessage | undefined {
  const value = e.action?.value as { command?: unknown } | undefined;
  const command = typeof value?.command === 'string' ? value.command : undefined;
  const operator = e.operator?.open_id;
  const chatId = e.context?.open_chat_id;
  if (!command || !operator || !chatId || !e.event_id) return undefined;
  const typed = [e.action?.form_value?.text, e.action?.input_value].find((v): v is string => typeof v === 'string' && v.trim().length > 0);
  return {
    platform: 'lark',
    messageId: `card:${e.event_id}`,
    // The answer goes in the card's thread; `card:…` is no Lark message.
    replyTo: e.context?.open_message_id,
    otherTexts: strings([e.action?.form_value, e.action?.input_value, e.action?.value]),
    chatId,
    chatType: 'group',
    senderAccountId: operator,
    text: typed ? `${command} ${typed.trim()}` : command,
    mentions: [],
    mentionsBot: true,
  };
}
