import type { Contact, Room, Wechaty } from 'wechaty';
import type { Directory } from '../../directory/directory.js';
import { SendError, type OutgoingMessage, type SendResult } from '../../outbox/outgoing.js';
import type { SendLimiter } from './send-limiter.js';
import { renderWechatMessages, type Piece } from './wechat-text.js';

/**
 * While the bot is logged in, a message that keeps failing is given up after this many
 * attempts (about an hour with the dispatcher's backoff), so a message WeChat refuses cannot
 * hold back its chat forever. While logged out, messages wait without limit.
 */
export const MAX_SEND_ATTEMPTS = 12;

type Target = { kind: 'room'; room: Room } | { kind: 'contact'; contact: Contact };

export interface SenderOptions {
  bot: Wechaty;
  directory: Directory;
  limiter: SendLimiter;
  /** Whether a chat id is a room (rather than a contact's one-to-one chat). */
  isRoom(chatId: string): Promise<boolean>;
  textLimit?: number;
}

/**
 * The outbound half of the WeChat adapter: renders the reply as text, paces it through the
 * limiter, turns mentions into real @mentions of room members, and classifies failures for
 * the outbox (logged out: retry later; room gone: give up). A reply split into several
 * messages resumes after the last part that went out, so a retry never repeats a part.
 */
export class WechatSender {
  private readonly partsSent = new Map<number, number>();

  constructor(private readonly o: SenderOptions) {}

  async send(msg: OutgoingMessage): Promise<SendResult> {
    const { bot } = this.o;
    if (!bot.isLoggedIn) throw new SendError('微信未登录（puppet 未连接或已掉线），稍后重试', true);
    const target = await this.target(msg);
    const inRoom = target.kind === 'room';
    const parts = renderWechatMessages(msg.reply, {
      inRoom,
      nameOf: (id) => msg.people[id]?.name ?? this.o.directory.personName(id),
      limit: this.o.textLimit,
    });
    const contacts = inRoom ? await this.mentionContacts(target.room, parts.flat(), msg) : new Map<string, Contact>();
    let remoteId: string | undefined;
    for (let i = this.partsSent.get(msg.id) ?? 0; i < parts.length; i++) {
      try {
        await this.o.limiter.acquire(msg.targetId);
      } catch {
        throw new SendError('微信发送已停止，待重启后继续', true);
      }
      try {
        const sent = await say(target, parts[i] ?? [], contacts);
        remoteId = sent ?? remoteId;
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        if (!bot.isLoggedIn) throw new SendError(`微信已掉线：${reason}`, true);
        const retryable = msg.attempts + 1 < MAX_SEND_ATTEMPTS;
        if (!retryable) this.partsSent.delete(msg.id);
        throw new SendError(`微信发送失败：${reason}`, retryable);
      }
      this.partsSent.set(msg.id, i + 1);
    }
    this.partsSent.delete(msg.id);
    return { remoteId };
  }

  private async target(msg: OutgoingMessage): Promise<Target> {
    const { bot } = this.o;
    const id = msg.targetId;
    if (msg.targetKind === 'chat' && (await this.o.isRoom(id))) {
      const room = await bot.Room.find({ id });
      if (room && (await room.has(bot.currentUser))) return { kind: 'room', room };
      if (!bot.isLoggedIn) throw new SendError('微信未登录，稍后重试', true);
      const stillIn = (await bot.puppet.roomList()).includes(id);
      if (!stillIn || room) throw new SendError(`机器人已不在微信群 ${id} 中（或该群已解散）`, false);
      throw new SendError(`暂时取不到微信群 ${id} 的信息`, msg.attempts + 1 < MAX_SEND_ATTEMPTS);
    }
    const contact = await bot.Contact.find({ id });
    if (contact) return { kind: 'contact', contact };
    if (!bot.isLoggedIn) throw new SendError('微信未登录，稍后重试', true);
    throw new SendError(`找不到微信联系人 ${id}`, msg.attempts + 1 < MAX_SEND_ATTEMPTS);
  }

  /**
   * Room members to @mention, per person: by the WeChat id the person is bound to, else by the
   * 备注 or 昵称 their directory entry names, and only when exactly one member matches. Anyone
   * else is written as plain `@名字`: never an @mention of the wrong person.
   */
  private async mentionContacts(room: Room, pieces: Piece[], msg: OutgoingMessage): Promise<Map<string, Contact>> {
    const out = new Map<string, Contact>();
    const ids = new Set(pieces.flatMap((p) => ('personId' in p ? [p.personId] : [])));
    if (ids.size === 0) return out;
    const members = await room.memberAll();
    for (const personId of ids) {
      const account = msg.people[personId]?.account;
      let found: Contact[] = [];
      if (account) {
        found = members.filter((m) => m.id === account);
      } else {
        const w = this.o.directory.person(personId)?.accounts.wechat;
        if (w?.alias) found = await room.memberAll({ contactAlias: w.alias });
        if (found.length === 0 && w?.name) found = await room.memberAll({ name: w.name });
      }
      const only = found.length === 1 ? found[0] : undefined;
      if (only) out.set(personId, only);
    }
    return out;
  }
}

/**
 * Sends one message. In a room, mentions with a contact become real @mentions where they stand
 * in the text; every mention is followed by U+2005, as WeChat writes them.
 */
async function say(target: Target, pieces: Piece[], contacts: Map<string, Contact>): Promise<string | undefined> {
  const strings: string[] = [''];
  const mentioned: Contact[] = [];
  let afterMention = false;
  for (const p of pieces) {
    const contact = 'personId' in p ? contacts.get(p.personId) : undefined;
    if ('text' in p) {
      strings[strings.length - 1] += afterMention ? `\u2005${p.text.replace(/^[ \t]/, '')}` : p.text;
      afterMention = false;
      continue;
    }
    if (contact) {
      mentioned.push(contact);
      strings.push('');
    } else {
      strings[strings.length - 1] += `@${p.name}`;
    }
    afterMention = true;
  }
  if (afterMention) strings[strings.length - 1] += '\u2005';
  if (target.kind === 'contact') return idOf(await target.contact.say(strings.join('')));
  if (mentioned.length === 0) return idOf(await target.room.say(strings[0] ?? ''));
  // The template-string form puts each @mention where it stands in the text and passes the
  // mentioned ids to the puppet, so WeChat notifies exactly those members.
  const template = Object.assign([...strings], { raw: [...strings] }) as TemplateStringsArray;
  return idOf(await target.room.say(template, ...mentioned));
}

function idOf(sent: unknown): string | undefined {
  return sent && typeof sent === 'object' && 'id' in sent && typeof sent.id === 'string' ? sent.id : undefined;
}
