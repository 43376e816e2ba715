import { randomBytes } from 'node:crypto';
import type { Repositories } from '../../storage/repositories.js';
import type { MessageRef } from '../domain/task.js';
import { isoShanghai, localDate } from '../time/shanghai.js';
import type { ReplyTarget } from './ports.js';
import { readTaskCard } from './task-card-view.js';
import type { CommandContext, CommandDefinition, CommandInput, CommandOutcome, NoticeTarget, ParseContext } from './command.js';
import { UserError, isUserError } from './errors.js';
import { classifiedMarkIn, classifiedRefusal } from './classified.js';
import { cleanMessage, cleanText } from './fold-text.js';
import type { HandleResult, InboundMessage } from './inbound.js';
import type { BotDeps } from './bot-deps.js';
import { escapeRegExp, looksLikeQuestion, stripAddress } from './address.js';
import { internalErrorReply, unknownPhraseReply, userErrorReply } from './failure-reply.js';
import type { Reply } from './reply.js';
import type { Logger } from './logger.js';
import { checkAllowed } from './permission.js';
import { workGroups } from './work-groups.js';
import { SenderThrottle } from './throttle.js';
import { prepareStep, withHook, type HandleHooks, type MessageRead } from './prepare-step.js';
import { isStorageUnavailable } from '../../storage/storage-error.js';

export type { BotDeps } from './bot-deps.js';

/** The one answer to a sender over the allowance; later messages in the same burst get none. */
export const THROTTLED_TEXT = '发送过于频繁，本条及随后的消息未予处理。请稍候一分钟再发。';

/** Longest accepted message; longer ones are answered with a short refusal and not parsed. */
export const MAX_MESSAGE_LENGTH = 5000;

/** A failure inside a command, carrying the command so the answer can show its usage. */
class CommandFailure extends Error {
  constructor(
    readonly command: CommandDefinition,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The one front door. Every platform hands normalized messages to `handle`; it checks who is
 * speaking and what they may do, runs the command inside one transaction (change + audit +
 * owed replies), and leaves the replies in the outbox for the adapters to deliver.
 */
export class Bot {
  private readonly touched = new Map<string, string>();
  private readonly addressPattern: RegExp;
  private readonly throttle: SenderThrottle;

  constructor(private readonly deps: BotDeps) {
    this.addressPattern = new RegExp(`^[@＠]${escapeRegExp(deps.settings.botName)}\\s*`);
    this.throttle = new SenderThrottle(deps.settings.throttle);
  }

  /** Whether the message is for the bot at all (others are not recorded anywhere). */
  addressed(msg: InboundMessage): boolean {
    return msg.mentionsBot || msg.chatType === 'direct' || /^[/／]/.test(cleanText(msg.text));
  }

  /** Whether the message carries a classification mark: it is refused and only its id is kept. */
  classified(msg: InboundMessage): boolean {
    return classifiedMarkIn(cleanMessage(msg)) !== undefined;
  }

  async handle(raw: InboundMessage, hooks?: HandleHooks): Promise<HandleResult> {
    const msg = cleanMessage(raw);
    const text = msg.text;
    const addressed = msg.mentionsBot || msg.chatType === 'direct' || /^[/／]/.test(text);
    if (!addressed) return { outcome: 'ignored', replies: [] };
    const now = this.deps.clock.now();
    let result: HandleResult;
    const decision = msg.platform === 'console' ? 'ok' : this.throttle.take(`${msg.platform}\u0000${msg.senderAccountId}`, now.getTime());
    if (decision !== 'ok') {
      result = await this.deps.storage.transaction((repos) => withHook(repos, hooks, this.recordThrottled(msg, decision === 'refuse', now, repos)));
      if (result.replies.length > 0) this.deps.onOutbox?.();
      return result;
    }
    // After the throttle: a flood never reaches the question model.
    // A logger bound to the message, made only when something is logged.
    let logger: Logger | undefined;
    const log = () => (logger ??= this.messageLogger(msg));
    // The mark and the command are read once, for the prepare step and the transaction alike.
    const mark = classifiedMarkIn(msg);
    const body = stripAddress(text, this.addressPattern);
    const match = mark || text.length > MAX_MESSAGE_LENGTH ? undefined : this.deps.registry.matchOrFallback(body);
    const prepared = await prepareStep(this.deps, msg, match, now, { hooks, log });
    try {
      result = await this.deps.storage.transaction((repos) => withHook(repos, hooks, this.process(msg, text, now, repos, { mark, body, match, prepared })));
    } catch (e) {
      // The ledger itself is unavailable: nothing was done, and the message must be tried
      // again later rather than answered as failed.
      if (isStorageUnavailable(e)) throw e;
      // The rolled-back transaction may have recorded the chat; record it again with the answer.
      this.touched.delete(`${msg.platform}\u0000${msg.chatId}`);
      result = await this.deps.storage.transaction((repos) => withHook(repos, hooks, this.recordFailure(msg, e, now, repos, log)));
    }
    if (result.replies.length > 0) this.deps.onOutbox?.();
    return result;
  }

  private async process(msg: InboundMessage, text: string, now: Date, repos: Repositories, read: MessageRead): Promise<HandleResult> {
    const { mark, body, match, prepared } = read;
    // Refuse before anything is written: nothing of a classified message is kept.
    if (mark) throw new UserError('classified', classifiedRefusal(mark), false);
    if (text.length > MAX_MESSAGE_LENGTH) {
      throw new UserError('too_long', `消息过长（${text.length} 字），未予处理。命令请控制在 ${MAX_MESSAGE_LENGTH} 字以内，详细材料请另行报送。`, false);
    }
    const at = isoShanghai(now);
    if (!(await repos.inbound.claim(msg.platform, msg.messageId, msg.chatId, at, 'handled'))) {
      return { outcome: 'duplicate', replies: [] };
    }
    if (await repos.bindings.isBlocked(msg.platform, msg.senderAccountId)) {
      throw new UserError('unregistered', `${msg.senderName ? `${msg.senderName}，` : ''}您的账号已被管理员停用，暂不能使用督办命令。如有疑问，请联系管理员（${this.adminNames()}）。`, false);
    }
    const actor = await this.actorOf(msg, repos);
    // Only a directory person's message records a chat (groups receive tallies once registered).
    if (actor) await this.touchChat(msg, at, repos);
    if (!actor) {
      const note = msg.identityNote ? `${msg.identityNote}。` : '';
      throw new UserError(
        'unregistered',
        `${msg.senderName ? `${msg.senderName}，` : ''}${note}您的账号尚未登记在通讯录中，暂不能使用督办命令。请管理员（${this.adminNames()}）发送「绑定 ${msg.senderAccountId} 通讯录姓名」完成绑定。`,
        false,
      );
    }
    const message: MessageRef = { platform: msg.platform, chatId: msg.chatId, messageId: msg.messageId };
    const today = localDate(now);
    const parseCtx: ParseContext = { actor, now, today, directory: this.deps.directory, calendar: this.deps.calendar };
    const mentions = await this.deps.identity.resolveMentions(repos.bindings, msg.platform, msg.mentions);
    // A message naming no command goes to the fallback command (plain-language questions).

    let outcome: CommandOutcome;
    if (!match) {
      outcome = { reply: unknownPhraseReply(this.deps.registry, body) };
    } else {
      const { command, rest } = match;
      let allowed = false;
      try {
        checkAllowed(command, actor);
        allowed = true;
        const ctx = await this.commandContext(parseCtx, repos, message, msg);
        const args = this.parseArgs(command, { text: rest, mentions, plain: match.fallback, prepared, ...(match.word ? { word: match.word } : {}) }, parseCtx);
        outcome = await command.run(ctx, args);
      } catch (e) {
        // "进展怎么样了？", "复核不实的有哪些" from a leader, "效能告诫的有哪些": questions, not a command refused (arguments, role, a name).
        const fallback = this.deps.registry.fallback;
        const named = isUserError(e) && (e.code === 'unknown_unit' || e.code === 'unknown_person') && /^\s*(?:的|有|是|都|还|了|情况|清单|台账)/.test(rest);
        const asked = isUserError(e) && (e.code === 'bad_arguments' || ((!allowed || named) && !/[DdCcGg][-－—_]?\s*\d/.test(rest)));
        if (!(asked && looksLikeQuestion(body) && fallback && fallback !== command)) {
          throw new CommandFailure(command, e);
        }
        // Not plain: a question the fallback cannot read either keeps the command's own error and usage.
        const args = this.parseArgs(fallback, { text: body, mentions, plain: false }, parseCtx);
        try {
          outcome = await fallback.run(await this.commandContext(parseCtx, repos, message, msg), args);
        } catch (e2) {
          throw isUserError(e2) && e2.code === 'bad_arguments' && !named ? new CommandFailure(command, e) : new CommandFailure(fallback, e2);
        }
      }
    }
    return { outcome: 'handled', replies: await this.deliver(outcome, msg, repos, at), reply: outcome.reply };
  }

  private async actorOf(msg: InboundMessage, repos: Repositories) {
    if (await repos.bindings.isBlocked(msg.platform, msg.senderAccountId)) return undefined;
    return msg.senderPersonId !== undefined ? this.deps.directory.person(msg.senderPersonId) : this.deps.identity.personFor(repos.bindings, msg.platform, msg.senderAccountId);
  }

  /** Records the chat the bot serves; once a day per chat is enough (groups receive tallies). */
  private async touchChat(msg: InboundMessage, at: string, repos: Repositories): Promise<void> {
    const key = `${msg.platform}\u0000${msg.chatId}`;
    const stamp = `${at.slice(0, 10)}\u0000${msg.chatTitle ?? ''}`;
    if (this.touched.get(key) === stamp) return;
    await repos.chats.touch({ platform: msg.platform, chatId: msg.chatId, kind: msg.chatType, title: msg.chatTitle }, at);
    this.touched.set(key, stamp);
  }

  private parseArgs(command: CommandDefinition, input: CommandInput, ctx: ParseContext): unknown {
    const raw = command.parse(input, ctx);
    const parsed = command.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError('bad_arguments', `${issue?.message ?? '格式有误'}。`);
    }
    return parsed.data;
  }

  private async commandContext(p: ParseContext, repos: Repositories, message: MessageRef, msg: InboundMessage): Promise<CommandContext> {
    const authority = this.deps.authority ? await this.deps.authority(repos, p.today) : undefined;
    return {
      ...p,
      repos,
      message,
      commands: this.deps.registry,
      settings: this.deps.settings,
      authority,
      random: this.deps.random ?? Math.random,
      audit: (action, details, about) =>
        repos.audit.append({
          at: isoShanghai(p.now),
          actorId: p.actor.id,
          action,
          taskId: about?.taskId,
          subject: about?.subject,
          details: { ...details, message: msg.text.slice(0, 2000) },
          source: { message },
        }),
    };
  }

  /** A logger bound to one message: every line names its platform, message and chat. */
  private messageLogger(msg: InboundMessage): Logger {
    return this.deps.logger.child({ platform: msg.platform, messageId: msg.messageId, chatId: msg.chatId });
  }

  private async recordFailure(msg: InboundMessage, e: unknown, now: Date, repos: Repositories, log: () => Logger): Promise<HandleResult> {
    const command = e instanceof CommandFailure ? e.command : undefined;
    const cause = e instanceof CommandFailure ? e.cause : e;
    const classified = isUserError(cause) && cause.code === 'classified';
    const outcome = isUserError(cause) ? 'refused' : 'failed';
    const at = isoShanghai(now);
    if (!(await repos.inbound.claim(msg.platform, msg.messageId, msg.chatId, at, classified ? 'classified' : outcome))) {
      return { outcome: 'duplicate', replies: [] };
    }
    // A chat is recorded only for a directory person's message; a classified one keeps not even the chat title.
    if (await this.actorOf(msg, repos)) await this.touchChat(classified ? { ...msg, chatTitle: undefined } : msg, at, repos);
    // An unregistered account is answered once a day per chat; more answers would only fill the outbox.
    if (
      isUserError(cause) &&
      cause.code === 'unregistered' &&
      msg.platform !== 'console' &&
      !this.throttle.firstUnregisteredToday(`${msg.platform}\u0000${msg.senderAccountId}`, msg.chatId, localDate(now))
    ) {
      await repos.inbound.setOutcome(msg.platform, msg.messageId, 'throttled');
      return { outcome: 'throttled', replies: [] };
    }
    let reply: Reply;
    if (isUserError(cause)) {
      reply = userErrorReply(cause, command);
    } else {
      const ref = `E-${localDate(now).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
      log().child({ command: command?.name }).error('command failed', { ref, error: cause });
      reply = internalErrorReply(ref);
    }
    const replies = await this.deliver({ reply }, msg, repos, at);
    return { outcome, replies, reply };
  }

  /** A message over the sender's allowance: claimed (never run later), answered once if the sender is known. */
  private async recordThrottled(msg: InboundMessage, answer: boolean, now: Date, repos: Repositories): Promise<HandleResult> {
    const at = isoShanghai(now);
    if (!(await repos.inbound.claim(msg.platform, msg.messageId, msg.chatId, at, 'throttled'))) return { outcome: 'duplicate', replies: [] };
    if (!answer || !(await this.actorOf(msg, repos))) return { outcome: 'throttled', replies: [] };
    const reply: Reply = { tone: 'error', title: THROTTLED_TEXT };
    return { outcome: 'throttled', replies: await this.deliver({ reply }, msg, repos, at), reply };
  }

  /** Puts the reply and the notices in the outbox. */
  private async deliver(outcome: CommandOutcome, msg: InboundMessage, repos: Repositories, at: string): Promise<number[]> {
    const origin = `msg:${msg.platform}:${msg.messageId}`;
    const here: ReplyTarget = { platform: msg.platform, targetKind: 'chat', targetId: msg.chatId, replyTo: msg.replyTo ?? msg.messageId };
    const ids = await this.deps.outbox.enqueueReplyWithCharts(repos, here, outcome.reply, origin, at, this.deps.settings.exportDir);
    for (const file of outcome.files ?? []) ids.push(await this.deps.outbox.enqueueFile(repos, { ...here, replyTo: undefined }, file, origin, at));
    for (const notice of outcome.notices ?? []) {
      for (const target of await this.resolveNotice(notice.to, msg, repos)) {
        ids.push(await this.deps.outbox.enqueueReply(repos, target, notice.reply, origin, at));
      }
    }
    return ids;
  }

  private async resolveNotice(to: NoticeTarget, msg: InboundMessage, repos: Repositories): Promise<ReplyTarget[]> {
    if (to.kind === 'origin') return [{ platform: msg.platform, targetKind: 'chat', targetId: msg.chatId }];
    if (to.kind === 'account') return [{ platform: to.platform, targetKind: 'person', targetId: to.accountId }];
    if (to.kind === 'groups') {
      return (await workGroups(repos.chats, this.deps.settings.workGroupAllowlist)).map((g) => ({ platform: g.platform, targetKind: 'chat' as const, targetId: g.chatId }));
    }
    const account = await this.deps.identity.accountFor(repos.bindings, msg.platform, to.personId);
    return account ? [{ platform: msg.platform, targetKind: 'person', targetId: account }] : [];
  }

  /** The current state of a task as an actionable reply (platforms refresh a card in place with it). */
  taskCard(code: string): Promise<Reply | undefined> {
    return readTaskCard(this.deps, code);
  }

  private adminNames(): string {
    // Only administrators bind accounts (绑定).
    return (
      this.deps.directory
        .withRole('管理员')
        .map((p) => p.name)
        .join('、') || '管理员'
    );
  }
}

export { cleanText } from './fold-text.js';
export { stripAddress } from './address.js';
