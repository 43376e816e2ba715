import type { z } from 'zod';
import type { Directory, Person } from '../directory/directory.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Role } from '../domain/roles.js';
import type { AuditAction } from '../domain/audit-actions.js';
import type { MessageRef } from '../domain/task.js';
import type { LocalDate } from '../time/shanghai.js';
import type { Repositories } from '../../storage/repositories.js';
import type { Reply } from './reply.js';
import type { AuthorityOptions } from '../domain/task-authority.js';
import type { WorkGroupAllowlist } from './work-groups.js';
import type { ThrottleSettings } from './throttle.js';
import type { ColourScheme, ExportFile } from './attachment.js';

/** An @mention in the message, resolved to a directory person where possible. */
export interface ResolvedMention {
  name: string;
  personId?: string;
  /** The platform account behind the mention (used by 绑定 to bind an unregistered user). */
  accountId?: string;
  /** A real platform mention of an account bound to nobody: never to be taken for a namesake. */
  unregistered?: boolean;
}

/** The text after the command word, and the message's mentions. */
export interface CommandInput {
  text: string;
  mentions: ResolvedMention[];
  /** The message named no command: the fallback command got it as plain words. */
  plain?: boolean;
  /** The word that named the command (its name or an alias such as 收到). */
  word?: string;
  /** What the command's `prepare` returned for this message, if it has one. */
  prepared?: unknown;
}

/** What `prepare` may look at: names, today and settings; no repositories, no asker. */
export interface PrepareContext {
  directory: Directory;
  today: LocalDate;
  settings: CoreSettings;
  /** Whether the sender is a directory person (a short read; ask only before an outside call). */
  knownSender(): Promise<boolean>;
  /**
   * Say so just before waiting on an outside call: the message then stops holding up the later
   * messages of its chat, and is answered from the ledger as it stands when the call returns.
   */
  aside(): void;
}

/** What `parse` may look at: no repositories, no side effects. */
export interface ParseContext {
  actor: Person;
  now: Date;
  today: LocalDate;
  directory: Directory;
  calendar: WorkCalendar;
}

/** What `run` gets: the parse context plus the transaction's repositories and an audit hook. */
export interface CommandContext extends ParseContext {
  repos: Repositories;
  message: MessageRef;
  commands: CommandCatalog;
  settings: CoreSettings;
  /** Extra rules on who may act for a unit (acting heads …); absent means the directory alone. */
  authority?: AuthorityOptions;
  /** Random numbers in [0, 1), for sampling completions to verify; injectable for tests. */
  random(): number;
  /** Records a state change with who, when and the message it came from. */
  audit(action: AuditAction, details: Record<string, unknown>, about?: { taskId?: number; subject?: string }): Promise<void>;
}

/** An OpenAI-compatible chat completions endpoint for questions (DUBAN_LLM_URL, DUBAN_LLM_MODEL, DUBAN_LLM_KEY). */
export interface QuestionModelSettings {
  url: string;
  model: string;
  key?: string;
  timeoutMs: number;
}

/** Settings the core needs (not platform credentials). */
export interface CoreSettings {
  botName: string;
  /** Working days a coordination level has to give its opinion before the item climbs (H7). */
  coordinationAnswerDays: number;
  /** Share of completions drawn for 复核 (B三(七): at least 30%); 重点 items are always drawn. */
  verifyShare: number;
  /** Groups registered by setting (DUBAN_WECHAT_ROOMS, DUBAN_LARK_CHATS), besides those registered in the chat. */
  workGroupAllowlist?: WorkGroupAllowlist;
  /** Per-sender limits on chat platforms (not the console); DEFAULT_THROTTLE when absent. */
  throttle?: ThrottleSettings;
  /** Optional model-backed reader for questions the rule reader cannot fully read (off when absent). */
  questionModel?: QuestionModelSettings;
  /** End of working hours (`DUBAN_WORK_HOURS`): work assigned later is due for 签收 the next working day. */
  workEnd?: string;
  /** 紧急 work not yet signed is chased every this many working hours (DUBAN_URGENT_CHASE_HOURS). */
  urgentChaseHours?: number;
  /** Weights for a 年终考核 score, from the optional settings file (DUBAN_ASSESSMENT_WEIGHTS). */
  assessmentWeights?: Record<string, number>;
  /** 三色 scheme: 红黄绿, or 蓝黄红 (blue near the deadline). */
  colourScheme: ColourScheme;
  /** Working days before a deadline that make a task 近期 (yellow, or blue): the largest warning day. */
  warnDays: number;
  /** Where exported files (台账, 通报, charts) are written before they are sent. */
  exportDir: string;
  /** Largest file and picture per platform, in bytes (FILE_LIMITS when absent): an export over it is refused with the reason. */
  fileLimits?: Record<string, { file: number; image: number }>;
  /** 发文机关 of exported documents (发文机关标志 and 署名). */
  issuer: string;
  /** 发文字号 代字, as in 督查〔2026〕3号. */
  documentCode: string;
}

export const DEFAULT_CORE_SETTINGS: Omit<CoreSettings, 'botName'> = {
  coordinationAnswerDays: 2,
  verifyShare: 0.3,
  colourScheme: '红黄绿',
  warnDays: 3,
  exportDir: 'data/exports',
  issuer: '省人民政府督查室',
  documentCode: '督查',
};

/** Where a notice goes besides the reply in the chat the command came from. */
export type NoticeTarget =
  | { kind: 'origin' }
  | { kind: 'person'; personId: string }
  | { kind: 'groups' }
  /** One account on a platform, whoever it belongs to now (e.g. an account that was just rebound). */
  | { kind: 'account'; platform: string; accountId: string };

export interface CommandOutcome {
  reply: Reply;
  /** Files written for the chat the command came from (sent after the reply, through the outbox). */
  files?: ExportFile[];
  notices?: Array<{ to: NoticeTarget; reply: Reply }>;
}

export type Permission = 'anyone' | readonly Role[];

/** A chat command: definition, argument schema, who may run it, and what it does. */
export interface CommandDefinition<A = unknown> {
  /** Chinese name, e.g. 交办. */
  name: string;
  /** Other Chinese names and English aliases. */
  aliases: readonly string[];
  /** Where `帮助` lists it: 办理 (daily loop), 例外 (exceptions), 查询, 管理 (administration). */
  category?: '办理' | '例外' | '查询' | '管理';
  summary: string;
  /** Correct forms, shown on a malformed command. */
  usage: readonly string[];
  examples: readonly string[];
  allowed: Permission;
  /** Gets every message that names no command (plain-language questions); at most one command in the table. */
  fallback?: boolean;
  /**
   * A slow look-up run before the ledger's transaction opens (the question model), so that it
   * never holds other messages up; its result reaches `parse` as `input.prepared`.
   */
  prepare?(text: string, ctx: PrepareContext): Promise<unknown>;
  parse(input: CommandInput, ctx: ParseContext): unknown;
  schema: z.ZodType<A>;
  run(ctx: CommandContext, args: A): Promise<CommandOutcome>;
}

/** Identity helper that keeps the argument type of a command definition. */
export function defineCommand<A>(def: CommandDefinition<A>): CommandDefinition<A> {
  return def;
}

/** What a command may read of the command table (帮助 lists it); the registry provides it. */
export interface CommandCatalog {
  readonly commands: readonly CommandDefinition[];
  get(nameOrAlias: string): CommandDefinition | undefined;
  match(text: string): { command: CommandDefinition; rest: string } | undefined;
}
