import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/** Events as Lark pushes them (encrypted, signed), for tests against the webhook and the long connection. */

export function encrypt(obj: unknown, key: string): { encrypt: string } {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return { encrypt: Buffer.concat([iv, c.update(JSON.stringify(obj)), c.final()]).toString('base64') };
}

/** Posts an event to the webhook, encrypted and signed (or with a forged signature). */
export async function postEvent(
  url: string,
  event: unknown,
  key: string,
  o: { forge?: boolean; unsigned?: boolean; timestamp?: number; pad?: number } = {},
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ ...encrypt(event, key), ...(o.pad ? { pad: 'x'.repeat(o.pad) } : {}) });
  const ts = String(Math.floor((o.timestamp ?? Date.now()) / 1000));
  const nonce = randomBytes(8).toString('hex');
  const sig = createHash('sha256')
    .update(ts + nonce + (o.forge ? 'not-the-key' : key) + body)
    .digest('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!o.unsigned) Object.assign(headers, { 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': sig });
  const r = await fetch(url, { method: 'POST', headers, body });
  return { status: r.status, body: await r.text() };
}

let n = 0;

/**
 * An `im.message.receive_v1` event: `text` may contain `@_user_1` … for `mentions`. With `post`,
 * a rich-text message instead: its title and rows of elements (the text goes in as a first row).
 */
export function messageEvent(o: {
  from: string;
  text: string;
  chatId?: string;
  chatType?: 'group' | 'p2p';
  eventId?: string;
  messageId?: string;
  mentions?: Array<{ key: string; name: string; openId: string }>;
  post?: { title?: string; rows?: Array<Array<Record<string, unknown>>> };
}): Record<string, unknown> {
  n += 1;
  return {
    schema: '2.0',
    header: { event_id: o.eventId ?? `ev_${n}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), app_id: 'cli_0123456789abcdef', tenant_key: 't' },
    event: {
      sender: { sender_id: { open_id: o.from }, sender_type: 'user', tenant_key: 't' },
      message: {
        message_id: o.messageId ?? `om_in_${n}`,
        chat_id: o.chatId ?? 'oc_group',
        chat_type: o.chatType ?? 'group',
        message_type: o.post ? 'post' : 'text',
        content: JSON.stringify(o.post ? { title: o.post.title ?? '', content: [[{ tag: 'text', text: o.text }], ...(o.post.rows ?? [])] } : { text: o.text }),
        create_time: String(Date.now()),
        mentions: (o.mentions ?? []).map((m) => ({ key: m.key, name: m.name, id: { open_id: m.openId }, tenant_key: 't' })),
      },
    },
  };
}

/** A `card.action.trigger` callback for a button (with `form` text when it submits a form). */
export function cardEvent(o: { operator: string; command: string; form?: string; chatId?: string; messageId?: string; eventId?: string }): Record<string, unknown> {
  n += 1;
  return {
    schema: '2.0',
    header: { event_id: o.eventId ?? `ev_card_${n}`, event_type: 'card.action.trigger', create_time: String(Date.now()), app_id: 'cli_0123456789abcdef', tenant_key: 't' },
    event: {
      operator: { open_id: o.operator, tenant_key: 't' },
      token: 'c-update-token',
      action: { value: { command: o.command }, tag: 'button', ...(o.form !== undefined ? { form_value: { text: o.form } } : {}) },
      host: 'im_message',
      context: { open_message_id: o.messageId ?? 'om_card', open_chat_id: o.chatId ?? 'oc_group' },
    },
  };
}
