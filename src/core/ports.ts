import type { Repositories } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { AuthorityOptions } from '../domain/task-authority.js';
import type { Task } from '../domain/task.js';
import type { LocalDate } from '../time/shanghai.js';
import type { ColourScheme, ExportFile } from './attachment.js';
import type { Reply } from './reply.js';
import type { Person } from '../directory/directory.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Accept } from './inbound.js';

/**
 * Ports the core declares and the features implement. The core calls them; it never imports
 * the modules behind them (the composition root, src/app.ts, plugs them in).
 */

/** Where an owed message goes. */
export interface ReplyTarget {
  platform: string;
  targetKind: 'chat' | 'person';
  targetId: string;
  replyTo?: string;
}

/** Puts owed messages in the outbox inside the caller's transaction; each returns the row id. */
export interface OutboxPort {
  enqueueReply(repos: Repositories, target: ReplyTarget, reply: Reply, origin: string, at: string): Promise<number>;
  enqueueFile(repos: Repositories, target: ReplyTarget, file: ExportFile, origin: string, at: string): Promise<number>;
  /** A reply and, on a platform that cannot draw its charts (WeChat), each chart as a PNG picture after it (written under `exportDir`). */
  enqueueReplyWithCharts(repos: Repositories, target: ReplyTarget, reply: Reply, origin: string, at: string, exportDir: string): Promise<number[]>;
}

export interface TaskCardView {
  directory: Directory;
  calendar: WorkCalendar;
  today: LocalDate;
}

export interface TaskCardColours {
  scheme: ColourScheme;
  warnDays: number;
  stages?: { total: number; done: number };
}

/** Builds the actionable card of one task (platforms refresh it in place after a button press). */
export type TaskCardBuilder = (task: Task, view: TaskCardView, authority?: AuthorityOptions, colours?: TaskCardColours) => Reply;

/** One platform's account bindings, as an adapter sees them: each lookup its own short transaction. */
export interface PlatformAccounts {
  /** The person behind an account (runtime binding first, then the directory file); none when blocked. */
  personFor(accountId: string): Promise<Person | undefined>;
  accountFor(personId: string): Promise<string | undefined>;
  isBlocked(accountId: string): Promise<boolean>;
  /**
   * Records the account of a person the adapter matched unambiguously (WeChat 备注 or 昵称),
   * audited as done by the system under `job`; nothing when either side is already bound.
   */
  remember(accountId: string, personId: string, job: string): Promise<void>;
}

/**
 * The one narrow edge every platform adapter (console, Lark, WeChat) receives from the core.
 * Adapters never see storage, the bot or the dispatcher: they hand messages in, ask for
 * delivery, and read what they must render or match.
 */
export interface CorePort {
  readonly botName: string;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The front door: records the message durably, then processes it in order per chat. */
  readonly accept: Accept;
  /** Delivers what the outbox owes now (after a login, after a console line); resolves when done. */
  deliver(): Promise<void>;
  /** A task's current actionable card (refreshed in place after a button press); none when unknown. */
  taskView(code: string): Promise<Reply | undefined>;
  accounts(platform: string): PlatformAccounts;
  /** Chat ids registered as work groups on a platform (本群登记为工作群). */
  groupChats(platform: string): Promise<string[]>;
  /** How much the ledger holds (the console's end-of-replay line). */
  ledgerCounts(): Promise<{ tasks: number; records: number }>;
  /** The process's health report (served at GET /healthz); ok until main wires the real one. */
  health(): { ok: boolean };
}
