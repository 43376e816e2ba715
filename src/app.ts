import { outboxWriter } from './outbox/enqueue.js';
import { taskCardReply } from './render/task-card.js';
import { openStorage, type OpenedStorage, type OpenStorageOptions } from '../storage/open-storage.js';
import type { Leadership } from '../storage/repositories.js';
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
import type { JobDefinition } from './jobs/job.js';
import type { Logger } from './core/logger.js';
import type { Directory } from './directory/directory.js';
import type { WorkCalendar } from './calendar/work-calendar.js';
import { Inbox } from './core/inbox.js';
import { createCorePort } from './core/core-port.js';
import type { CorePort } from './core/ports.js';
import { LeadershipWatch } from './core/leadership-watch.js';

/** With several instances: how often each renews its chat claims and looks for lapsed ones (real time). */
const INBOX_SWEEP_MS = 2_000;
import { Incident } from './core/incident.js';
import { OutboxDispatcher, type DispatcherOptions, type PeopleLookup } from './outbox/dispatcher.js';

export interface AppOptions {
  /** DUBAN_DB: a SQLite file (or `:memory:`), or a `postgres://` URL. */
  dbFile: string;
  directory: Directory;
  calendar: WorkCalendar;
  clock: Clock;
  logger: Logger;
  settings: Pick<CoreSettings, 'botName'> & Partial<CoreSettings>;
  commands?: readonly CommandDefinition[];
  /** The scheduled jobs (default: JOBS). */
  jobs?: readonly JobDefinition[];
  random?: () => number;
  dispatcher?: DispatcherOptions;
  schedule?: Partial<ScheduleSettings>;
  /** Wait before processing again a message the ledger refused (real time; default 1 s). */
  inboxRetryMs?: number;
  /** Told of every SQL statement executed (the benchmark counts them; SQLite only). */
  statementObserver?: StatementObserver;
  /** How often a served instance asks whether it leads (real time; default 2 s). */
  leaderPollMs?: number;
  /** Backend settings other than the URL (PostgreSQL pool and TLS). */
  storageOptions?: Omit<OpenStorageOptions, 'statementObserver'>;
}

/** Everything the core is made of, wired together; adapters and the scheduler attach to it. */
export interface App {
  bot: Bot;
  /** The narrow edge every platform adapter receives (and nothing else of the app). */
  core: CorePort;
  /** The inbound port adapters hand messages to: durably recorded, then processed. */
  inbox: Inbox;
  /** The ledger's write outages, one at a time (one ERROR line and one recovery line each). */
  incident: Incident;
  storage: OpenedStorage;
  /** This instance's claim on leadership (always held on SQLite). */
  leadership: Leadership;
  /** Leadership asked every few seconds once started (serving): the scheduler catches up as soon as the lead is won. */
  leader: LeadershipWatch;
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
  const storage = openStorage(o.dbFile, { ...o.storageOptions, statementObserver: o.statementObserver });
  const identity = new IdentityService(o.directory);
  const people: PeopleLookup = async (repos, platform, ids) => {
    const out: Record<string, { name: string; account?: string }> = {};
    for (const id of ids) out[id] = { name: o.directory.personName(id), account: await identity.accountFor(repos.bindings, platform, id) };
    return out;
  };
  const incident = new Incident(o.logger, '数据库无法写入：收到的消息暂不能记录或处理');
  const dispatcher = new OutboxDispatcher(storage, o.clock, o.logger, people, o.dispatcher);
  const bot = new Bot({
    storage,
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
  const inbox = new Inbox({
    storage,
    bot,
    clock: o.clock,
    logger: o.logger,
    incident,
    retryMs: o.inboxRetryMs,
    instanceId: storage.instanceId,
    // Several instances: another instance's messages of a chat held here are announced, and a sweep takes over lapsed claims.
    changes: storage.changes,
    sweepMs: storage.changes ? INBOX_SWEEP_MS : undefined,
    claimMs: storage.claimMs,
  });
  const jobs = new JobRunner({ storage, directory: o.directory, calendar: o.calendar, clock: o.clock, settings, outbox: outboxWriter, kick: () => void dispatcher.kick() }, schedule);
  const leadership = storage.leadership();
  const scheduler = new Scheduler({ storage, calendar: o.calendar, clock: o.clock, logger: o.logger, leader: () => leadership.holds() }, jobs, o.jobs ?? JOBS);
  const leader = new LeadershipWatch(leadership, o.logger, o.leaderPollMs);
  // A standby that wins the lead runs what is due at once (the dead leader's chase included).
  leader.onChange((leads) => void (leads && scheduler.wake()));
  const core: CorePort = createCorePort({
    botName: settings.botName,
    storage,
    directory: o.directory,
    identity,
    clock: o.clock,
    logger: o.logger,
    accept: inbox.accept,
    deliver: () => dispatcher.kick(),
    taskView: (code) => bot.taskCard(code),
    health: () => app.health?.() ?? { ok: true },
  });
  const app: App = {
    bot,
    core,
    inbox,
    incident,
    storage,
    leadership,
    leader,
    dispatcher,
    directory: o.directory,
    calendar: o.calendar,
    identity,
    registry,
    clock: o.clock,
    logger: o.logger,
    settings,
    jobs,
    scheduler,
    async close() {
      inbox.stop();
      await inbox.idle();
      await scheduler.stop();
      leader.stop();
      await leadership.close();
      await dispatcher.stop();
      incident.settle();
      await storage.close();
    },
  };
  return app;
}
