import { localDate } from '../time/shanghai.js';
import type { Repositories } from '../../storage/repositories.js';
import type { BotDeps } from './bot-deps.js';
import type { ClassificationMark } from './classified.js';
import type { CommandMatch } from './command-registry.js';
import type { InboundMessage } from './inbound.js';
import type { Logger } from './logger.js';

/** How the caller of `handle` learns that a message is waiting on something slow. */
export interface HandleHooks {
  /**
   * Called when the message starts waiting on an outside call (the question model): it then
   * no longer holds up the messages after it in its chat (see Inbox).
   */
  aside?: () => void;
  /**
   * The caller's own writes, committed with the message's effect: run last inside the
   * transaction that records the answer (the inbox removes the message there). It runs again
   * if that transaction is rolled back and the failure's answer is recorded instead.
   */
  inTransaction?: (repos: Repositories) => Promise<void>;
}

/** The answer's transaction, with the caller's own writes (`HandleHooks.inTransaction`) last. */
export async function withHook<T>(repos: Repositories, hooks: HandleHooks | undefined, work: Promise<T>): Promise<T> {
  const result = await work;
  await hooks?.inTransaction?.(repos);
  return result;
}

/** What `handle` read of a message before its transaction. */
export interface MessageRead {
  mark: ClassificationMark | undefined;
  /** The text without the @bot address. */
  body: string;
  /** Its command (or the fallback); none for a classified or too long message. */
  match: CommandMatch | undefined;
  prepared: unknown;
}

/**
 * A command's slow look-up that must not hold the ledger's transaction (the question model),
 * run before it: never for a message that will be refused as 涉密 or too long (the caller
 * gives no match for those).
 */
export async function prepareStep(deps: BotDeps, msg: InboundMessage, match: CommandMatch | undefined, now: Date, o: { hooks?: HandleHooks; log: () => Logger }): Promise<unknown> {
  if (!match?.command.prepare) return undefined;
  const knownSender = async () =>
    msg.senderPersonId !== undefined || (await deps.storage.transaction((repos) => deps.identity.personFor(repos.bindings, msg.platform, msg.senderAccountId))) !== undefined;
  try {
    return await match.command.prepare(match.rest, {
      directory: deps.directory,
      today: localDate(now),
      settings: deps.settings,
      knownSender,
      aside: () => o.hooks?.aside?.(),
    });
  } catch (e) {
    o.log().warn('prepare failed', { command: match.command.name, error: e });
    return undefined;
  }
}
