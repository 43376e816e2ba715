import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FakeClock, systemClock } from './core/clock.js';
import { createLogger } from './core/logger.js';
import { loadDotEnv, readCoreEnv } from './config/settings.js';
import { applyHeapGrowth } from './config/heap.js';
import { REPLAY_SEED, seededRandom } from './core/seeded-random.js';
import { missingYearWarning } from './calendar/load-calendar.js';
import { runConsole } from './run-console.js';
import { instantAt } from './time/shanghai.js';
import { reportStartupError } from './config/startup-error.js';
import { PLATFORMS } from './adapters/platforms.js';
import { runPlatforms } from './run-platforms.js';
import { openApp } from './bootstrap.js';
import { LedgerGuard } from '../storage/sqlite/ledger-guard.js';
import { SqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import { BackupSchedule } from './backup-schedule.js';
import { driverReport, healthCheck } from './health-check.js';
import { describeDriver } from '../storage/sqlite/driver.js';
import { gracefulStop, waitForShutdown } from './shutdown.js';

/** Wiring only: settings → core → the configured platforms (or the console) and the scheduler. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      directory: { type: 'string' },
      calendar: { type: 'string' },
      start: { type: 'string' },
      as: { type: 'string' },
      'new-ledger': { type: 'boolean' },
      health: { type: 'boolean' },
    },
    strict: true,
  });
  loadDotEnv();
  const env = readCoreEnv({
    ...process.env,
    ...(values.db ? { DUBAN_DB: values.db } : {}),
    ...(values.directory ? { DUBAN_DIRECTORY: values.directory } : {}),
    ...(values.calendar ? { DUBAN_CALENDAR: values.calendar } : {}),
    ...(values.start ? { DUBAN_START: values.start } : {}),
  });
  applyHeapGrowth(env.DUBAN_HEAP_GROWTH_PERCENT);
  if (values.health) {
    const { code, report } = healthCheck(env.DUBAN_DB);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = code;
    return;
  }
  const interactive = process.stdin.isTTY === true;
  const configured = PLATFORMS.filter((p) => p.isConfigured(process.env));
  const serving = configured.length > 0;
  // Listened for from here on: a SIGTERM during start-up stops the bot gracefully once started.
  const stopAsked = serving ? waitForShutdown() : undefined;
  // JSON lines for a served bot (log collectors); readable text beside an interactive console.
  const format = env.DUBAN_LOG_FORMAT ?? (interactive && !serving ? 'text' : 'json');
  const logger = createLogger(interactive || serving ? env.DUBAN_LOG_LEVEL : 'warn', { format });

  // A transcript replay gets a fresh database unless one was chosen explicitly, so that the
  // ids it refers to (D-0001 …) are the ones it creates.
  let dbFile = env.DUBAN_DB;
  let replay = false;
  if (!serving && !interactive && !values.db && !process.env.DUBAN_DB) {
    dbFile = 'data/replay.db';
    replay = true;
    for (const suffix of ['', '-wal', '-shm', '.ledger']) rmSync(`${dbFile}${suffix}`, { force: true });
  }
  const start = env.DUBAN_START ? instantAt(env.DUBAN_START.slice(0, 10), env.DUBAN_START.slice(11) || '09:00') : undefined;
  const fakeClock = !serving && (start || !interactive) ? new FakeClock(start ?? new Date()) : undefined;
  const clock = fakeClock ?? systemClock;
  // Simulated time replays a transcript: the 复核 draw is seeded, so the same transcript gives the same output.
  const app = openApp(env, { dbFile, clock, logger, random: fakeClock ? seededRandom(REPLAY_SEED) : undefined });
  await app.storage.ready();
  // The ledger guard (lease, file marker, quick_check) and backups watch a SQLite file; on
  // PostgreSQL the server owns the data and leadership comes from an advisory lock instead.
  const sqlite = app.storage instanceof SqliteStorage ? app.storage : undefined;
  let onLost: (message: string) => void = (m) => logger.error(m);
  const platformHealth: Array<() => { platform: string; ok: boolean; detail: string }> = [];
  const guard =
    !sqlite || dbFile === ':memory:'
      ? undefined
      : LedgerGuard.open(sqlite, dbFile, {
          acceptNew: values['new-ledger'] === true || replay,
          onLost: (m) => onLost(m),
          onCorrupt: (m) => logger.error(m),
          status: () => ({ platforms: platformHealth.map((p) => p()) }),
        });
  guard?.start();
  const warning = missingYearWarning(app.calendar, clock.now(), true);
  if (warning) logger.warn(warning);
  process.on('unhandledRejection', (e) => logger.error('unhandled rejection', { error: e }));

  if (serving) {
    const running = await runPlatforms(app, configured, process.env);
    for (const a of running.adapters) platformHealth.push(() => ({ platform: a.platform, ...(a.health?.() ?? { ok: true, detail: 'running' }) }));
    app.health = () => {
      const ledger = guard?.health() ?? { ok: true, file: dbFile, detail: 'in memory' };
      const platforms = platformHealth.map((p) => p());
      const lease = guard ? { ok: true, instanceId: guard.lease.instanceId, pid: process.pid } : { ok: true };
      return { ok: ledger.ok && app.inbox.accepting && platforms.every((p) => p.ok), accepting: app.inbox.accepting, ledger, lease, platforms, driver: driverReport() };
    };
    const backups = !sqlite
      ? undefined
      : new BackupSchedule({
          db: sqlite.db,
          dir: env.DUBAN_BACKUP_DIR ?? join(dirname(dbFile), 'backups'),
          keep: env.DUBAN_BACKUP_KEEP,
          time: env.DUBAN_BACKUP_TIME,
          clock,
          logger,
        });
    app.scheduler.start();
    if (guard) backups?.start();
    if (sqlite) logger.info(`SQLite 驱动：${describeDriver()}`);
    logger.info(`督办助手已启动：${configured.map((p) => p.label).join('、')}`);
    const lost = new Promise<string>((resolve) => (onLost = resolve));
    const reason = await Promise.race([stopAsked ?? waitForShutdown(), lost]);
    const ledgerLost = reason !== 'SIGTERM' && reason !== 'SIGINT';
    if (ledgerLost) logger.error(reason);
    await gracefulStop({ app, running, backups, guard, logger, ledgerLost });
    process.exit(ledgerLost ? 3 : 0);
  }
  // Real time: jobs run on the minute tick. Simulated time: each `>>` runs what falls due.
  if (!fakeClock) app.scheduler.start();
  await runConsole({
    app,
    input: process.stdin,
    write: (t) => process.stdout.write(`${t}\n`),
    interactive,
    fakeClock,
    dbFile,
    initialSpeaker: values.as,
    onClockMoved: fakeClock ? (from, to) => app.scheduler.runBetween(from, to, fakeClock) : undefined,
    // An existing database catches up missed reports at the session's start, as real time does.
    onStart: fakeClock ? (now) => app.scheduler.catchUp(now) : undefined,
  });
  guard?.stop();
  await app.close();
}

main().catch((e: unknown) => {
  process.exitCode = reportStartupError(e);
});
