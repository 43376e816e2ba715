import { outboxWriter } from './outbox/enqueue.js';
import { taskCardReply } from './render/task-card.js';
import type { Storage } from '../storage/repositories.js';
import { DatabaseOpenError, openDatabase } from '../storage/open-database.js';
import { migrate } from '../storage/migrate.js';
import { SqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import type { StatementObserver } from '../storage/sqlite/statements.js';
import { COMMANDS } from '../commands/index.js';
import { Bot } from './core/bot.js';
import type { Clock } from './core/clock.js';
import { CommandRegistry } from './core/command-registry.js';
import { DEFAULT_CORE_SETTINGS, type CommandDefinition, type CoreSettings } from './core/command.js';
import { IdentityService } from './core/identity.js';
import { authorityOn } from './domain/people-state.js';
import { DEFAULT_SCHEDULE, type ScheduleSettings } from './jobs/job.js';
import { JobRunner } from './jobs/job-runner.js';
import { Scheduler } from './jobs/scheduler.js';
import { JOBS } from './jobs/index.js';
import type { Logger } from './core/logger.js';
import type { Directory } from './directory/directory.js';
import type { WorkCalendar } from './calendar/work-calendar.js';
import { Inbox } from './core/inbox.js';
import { Incident } from './core/incident.js';
import { OutboxDispatcher, type DispatcherOptions, type PeopleLookup } from './outbox/dispatcher.js';

export interface AppOptions {
  /** SQLite file, or `:memory:`. */
  dbFile: string;
  directory: Directory;
  calendar: WorkCalendar;
  clock: Clock;
  logger: Logger;
  settings: Pick<CoreSettings, 'botName'> & Partial<CoreSettings>;
  commands?: readonly CommandDefinition[];
  random?: () => number;
  dispatcher?: DispatcherOptions;
  schedule?: Partial<ScheduleSettings>;
  /** Wait before processing again a message the ledger refused (real time; default 1 s). */
  inboxRetryMs?: number;
  /** Told of every SQL statement executed (the benchmark counts them). */
  statementObserver?: StatementObserver;
}

/** Everything the core is made of, wired together; adapters and the scheduler attach to it. */
export interface App {
  bot: Bot;
  /** The inbound port adapters hand messages to: durably recorded, then processed. */
  inbox: Inbox;
  storage: Storage;
  sqlite: SqliteStorage;
  dispatcher: OutboxDispatcher;
  directory: Directory;
  calendar: WorkCalendar;
  identity: IdentityService;
  registry: CommandRegistry;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
  jobs: JobRunner;
  scheduler: Scheduler;
  /** The health report (ledger, lease, platforms), set by main once everything runs; served at GET /healthz. */
  health?: () => { ok: boolean };
  close(): Promise<void>;
}

export function createApp(o: AppOptions): App {
  const schedule: ScheduleSettings = { ...DEFAULT_SCHEDULE, ...o.schedule };
  const settings: CoreSettings = { ...DEFAULT_CORE_SETTINGS, workEnd: schedule.workEnd, urgentChaseHours: schedule.urgentChaseHours, ...o.settings };
  const registry = new CommandRegistry(o.commands ?? COMMANDS);
  const db = openDatabase(o.dbFile);
  try {
    migrate(db);
  } catch (e) {
    db.close();
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown }).code))) {
      throw new DatabaseOpenError(`数据库文件 ${o.dbFile} 已损坏（${(e as Error).message}）。请从备份恢复（npm run restore -- 备份文件），或改用新的 DUBAN_DB 路径。`);
    }
    throw e;
  }
  const sqlite = new SqliteStorage(db, o.statementObserver);
  const identity = new IdentityService(o.directory);
  const people: PeopleLookup = async (repos, platform, ids) => {
    const out: Record<string, { name: string; account?: string }> = {};
    for (const id of ids) out[id] = { name: o.directory.personName(id), account: await identity.accountFor(repos.bindings, platform, id) };
    return out;
  };
  const incident = new Incident(o.logger, '数据库无法写入：收到的消息暂不能记录或处理');
  const dispatcher = new OutboxDispatcher(sqlite, o.clock, o.logger, people, o.dispatcher);
  const bot = new Bot({
    storage: sqlite,
    directory: o.directory,
    calendar: o.calendar,
    clock: o.clock,
    registry,
    identity,
    settings,
    logger: o.logger,
    random: o.random,
    onOutbox: () => void dispatcher.kick(),
    authority: authorityOn,
    outbox: outboxWriter,
    taskCard: taskCardReply,
  });
  const inbox = new Inbox({ storage: sqlite, bot, clock: o.clock, logger: o.logger, incident, retryMs: o.inboxRetryMs });
  const jobs = new JobRunner(
    { storage: sqlite, directory: o.directory, calendar: o.calendar, clock: o.clock, settings, outbox: outboxWriter, kick: () => void dispatcher.kick() },
    schedule,
  );
  const scheduler = new Scheduler({ storage: sqlite, calendar: o.calendar, clock: o.clock, logger: o.logger }, jobs, JOBS);
  return {
    bot, inbox, storage: sqlite, sqlite, dispatcher, directory: o.directory, calendar: o.calendar, identity, registry,
    clock: o.clock, logger: o.logger, settings, jobs, scheduler,
    async close() {
      inbox.stop();
      await inbox.idle();
      await scheduler.stop();
      await dispatcher.stop();
      await sqlite.close();
    },
  };
}
