import type { Contact, Message, Room, Wechaty } from 'wechaty';
import type { InboundMessage } from '../../core/inbound.js';
import type { Directory } from '../../directory/directory.js';
import { identityKey } from '../../core/identity-key.js';
import type { ContactIdentity, ContactMatch, NamesakeCounter } from './contact-identity.js';

export interface InboundContext {
  bot: Wechaty;
  directory: Directory;
  identity: ContactIdentity;
}

/** WeChat writes a mention as `@名字` followed by U+2005 (FOUR-PER-EM SPACE). */
const MENTION_END = '(?:\\u2005|\\s|$)';

/**
 * Turns a wechaty text message into the core's InboundMessage: the room (or, one-to-one, the
 * contact) as the chat, the bot's own @mention removed, every other @mention written as
 * `@名字` (the directory name when the contact is a known person), and the sender and the
 * mentioned contacts matched to directory people by id, 备注 or 昵称 (see ContactIdentity).
 */
export async function normalizeMessage(msg: Message, ctx: InboundContext): Promise<InboundMessage> {
  const room = msg.room();
  const talker = msg.talker();
  const selfId = ctx.bot.currentUser.id;
  let text = msg.text();
  let mentionsBot = !room;
  const mentions: InboundMessage['mentions'] = [];
  const seen = new Set<string>();
  for (const contact of room ? await msg.mentionList() : []) {
    if (seen.has(contact.id)) continue;
    seen.add(contact.id);
    const shown = await shownNames(contact, room);
    if (contact.id === selfId) {
      mentionsBot = true;
      text = rewriteMention(text, shown, '');
      continue;
    }
    const match = await resolveContact(contact, room, ctx, false);
    const name = match.personId ? ctx.directory.personName(match.personId) : (shown[0] ?? contact.id).replace(/\s+/g, '');
    text = rewriteMention(text, shown, `@${name} `);
    mentions.push({ accountId: contact.id, name, personId: match.personId });
  }
  const sender = await resolveContact(talker, room, ctx, true);
  const senderShown = await shownNames(talker, room);
  return {
    platform: 'wechat',
    messageId: msg.id,
    chatId: room?.id ?? talker.id,
    chatType: room ? 'group' : 'direct',
    chatTitle: room ? await safe(() => room.topic()) : talker.name(),
    senderAccountId: talker.id,
    senderName: senderShown[0] ?? talker.name(),
    text: text.replace(/\u2005/g, ' ').trim(),
    mentions,
    mentionsBot,
    senderPersonId: sender.personId,
    identityNote: 'note' in sender ? sender.note : undefined,
  };
}

async function resolveContact(contact: Contact, room: Room | undefined, ctx: InboundContext, remember: boolean): Promise<ContactMatch> {
  const alias = await safe(() => contact.alias());
  try {
    return await ctx.identity.resolve({ id: contact.id, name: contact.name(), alias }, namesakeCounter(ctx.bot, room, contact.id), { remember });
  } catch {
    // Without the namesake check a 昵称 match would be a guess.
    return { note: '暂时无法核对微信昵称，请稍后重试' };
  }
}

/** The names a contact may appear under in the text: 群昵称, 昵称, 备注. */
async function shownNames(contact: Contact, room: Room | undefined): Promise<string[]> {
  const names = [room ? await safe(() => room.alias(contact)) : undefined, contact.name(), await safe(() => contact.alias())];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== ''))];
}

/** Replaces the first `@name` of any of `names` with `replacement`. */
function rewriteMention(text: string, names: string[], replacement: string): string {
  for (const n of names) {
    const re = new RegExp(`[@＠]${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${MENTION_END}`);
    if (re.test(text)) return text.replace(re, replacement);
  }
  return text;
}

/**
 * Counts contacts whose name has the identity key `key`, the contact itself included: for a
 * 备注, contacts the bot itself gave that remark; for a 昵称, room members by 昵称 or 群昵称
 * and contacts by 昵称. Everything is compared under identityKey, so `钱 敏` counts as 钱敏.
 */
function namesakeCounter(bot: Wechaty, room: Room | undefined, contactId: string): NamesakeCounter {
  return async (by, key) => {
    const ids = new Set([contactId]);
    const same = (n: string | undefined) => typeof n === 'string' && identityKey(n) === key;
    if (by === 'alias') {
      for (const c of await bot.Contact.findAll()) if (same(await safe(() => c.alias()))) ids.add(c.id);
      return ids.size;
    }
    if (room) {
      for (const m of await room.memberAll()) if (same(m.name()) || same(await safe(() => room.alias(m)))) ids.add(m.id);
    }
    for (const c of await bot.Contact.findAll()) if (same(c.name())) ids.add(c.id);
    return ids.size;
  };
}

async function safe<T>(get: () => Promise<T>): Promise<T | undefined> {
  try {
    return await get();
  } catch {
    return undefined;
  }
}
