import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { createApp } from './app.js';
import { FakeClock, systemClock } from './core/clock.js';
import { createLogger } from './core/logger.js';
import { loadDotEnv, readCoreEnv } from './config/settings.js';
import { loadDirectory } from './directory/load-directory.js';
import { loadCalendar, missingYearWarning } from './calendar/load-calendar.js';
import { runConsole } from './adapters/console/run-console.js';
import { instantAt } from './time/shanghai.js';
import { reportStartupError } from './config/startup-error.js';
import { PLATFORMS } from './adapters/platforms.js';
import { runPlatforms } from './adapters/run-platforms.js';

function waitForShutdown(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Wiring only: settings → directory, calendar, database → core → adapters. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      directory: { type: 'string' },
      calendar: { type: 'string' },
      start: { type: 'string' },
      as: { type: 'string' },
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
  const interactive = process.stdin.isTTY === true;
  const serving = PLATFORMS.some((p) => p.isConfigured(process.env));
  const logger = createLogger(interactive || serving ? env.DUBAN_LOG_LEVEL : 'warn');
  const directory = loadDirectory(env.DUBAN_DIRECTORY);
  const calendar = loadCalendar(env.DUBAN_CALENDAR);

  // A transcript replay gets a fresh database unless one was chosen explicitly, so that the
  // ids it refers to (D-0001 …) are the ones it creates.
  let dbFile = env.DUBAN_DB;
  if (!serving && !interactive && !values.db && !process.env.DUBAN_DB) {
    dbFile = 'data/replay.db';
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  }
  const start = env.DUBAN_START ? instantAt(env.DUBAN_START.slice(0, 10), env.DUBAN_START.slice(11) || '09:00') : undefined;
  const fakeClock = !serving && (start || !interactive) ? new FakeClock(start ?? new Date()) : undefined;
  const clock = fakeClock ?? systemClock;

  const app = createApp({ dbFile, directory, calendar, clock, logger, settings: {
    botName: env.DUBAN_BOT_NAME, coordinationAnswerDays: env.DUBAN_COORDINATION_DAYS, verifyShare: env.DUBAN_VERIFY_SHARE,
  } });
  const warning = missingYearWarning(calendar, clock.now(), true);
  if (warning) logger.warn(warning);

  process.on('unhandledRejection', (e) => logger.error('unhandled rejection', { error: e }));
  const configured = PLATFORMS.filter((p) => p.isConfigured(process.env));
  if (configured.length > 0) {
    const stop = await runPlatforms(app, configured, process.env);
    logger.info(`督办助手已启动：${configured.map((p) => p.label).join('、')}`);
    await waitForShutdown();
    await stop();
    await app.close();
    return;
  }
  await runConsole({
    app, input: process.stdin, write: (t) => process.stdout.write(`${t}\n`), interactive, fakeClock, dbFile,
    initialSpeaker: values.as,
  });
  await app.close();
}

main().catch((e: unknown) => {
  process.exitCode = reportStartupError(e);
});
