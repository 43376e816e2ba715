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
  const logger = createLogger(interactive ? env.DUBAN_LOG_LEVEL : 'warn');
  const directory = loadDirectory(env.DUBAN_DIRECTORY);
  const calendar = loadCalendar(env.DUBAN_CALENDAR);

  // A transcript replay gets a fresh database unless one was chosen explicitly, so that the
  // ids it refers to (D-0001 …) are the ones it creates.
  let dbFile = env.DUBAN_DB;
  if (!interactive && !values.db && !process.env.DUBAN_DB) {
    dbFile = 'data/replay.db';
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  }
  const start = env.DUBAN_START ? instantAt(env.DUBAN_START.slice(0, 10), env.DUBAN_START.slice(11) || '09:00') : undefined;
  const fakeClock = start || !interactive ? new FakeClock(start ?? new Date()) : undefined;
  const clock = fakeClock ?? systemClock;

  const app = createApp({ dbFile, directory, calendar, clock, logger, settings: { botName: env.DUBAN_BOT_NAME } });
  const warning = missingYearWarning(calendar, clock.now(), true);
  if (warning) logger.warn(warning);

  process.on('unhandledRejection', (e) => logger.error('unhandled rejection', { error: e }));
  await runConsole({
    app, input: process.stdin, write: (t) => process.stdout.write(`${t}\n`), interactive, fakeClock, dbFile,
    initialSpeaker: values.as,
  });
  await app.close();
}

main().catch((e: unknown) => {
  process.exitCode = reportStartupError(e);
});
