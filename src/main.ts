import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { FakeClock, systemClock } from './core/clock.js';
import { createLogger } from './core/logger.js';
import { loadDotEnv, readCoreEnv } from './config/settings.js';
import { missingYearWarning } from './calendar/load-calendar.js';
import { runConsole } from './adapters/console/run-console.js';
import { instantAt } from './time/shanghai.js';
import { reportStartupError } from './config/startup-error.js';
import { PLATFORMS } from './adapters/platforms.js';
import { runPlatforms } from './adapters/run-platforms.js';
import { openApp } from './bootstrap.js';

function waitForShutdown(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Wiring only: settings → core → the configured platforms (or the console) and the scheduler. */
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
  const configured = PLATFORMS.filter((p) => p.isConfigured(process.env));
  const serving = configured.length > 0;
  // JSON lines for a served bot (log collectors); readable text beside an interactive console.
  const format = env.DUBAN_LOG_FORMAT ?? (interactive && !serving ? 'text' : 'json');
  const logger = createLogger(interactive || serving ? env.DUBAN_LOG_LEVEL : 'warn', { format });

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
  const app = openApp(env, { dbFile, clock, logger });
  await app.storage.ready();
  const warning = missingYearWarning(app.calendar, clock.now(), true);
  if (warning) logger.warn(warning);
  process.on('unhandledRejection', (e) => logger.error('unhandled rejection', { error: e }));

  if (serving) {
    const stop = await runPlatforms(app, configured, process.env);
    app.scheduler.start();
    logger.info(`督办助手已启动：${configured.map((p) => p.label).join('、')}`);
    await waitForShutdown();
    await stop();
    await app.close();
    return;
  }
  // Real time: jobs run on the minute tick. Simulated time: each `>>` runs what falls due.
  if (!fakeClock) app.scheduler.start();
  await runConsole({
    app, input: process.stdin, write: (t) => process.stdout.write(`${t}\n`), interactive, fakeClock, dbFile,
    initialSpeaker: values.as,
    onClockMoved: fakeClock ? (from, to) => app.scheduler.runBetween(from, to, fakeClock) : undefined,
    // An existing database catches up missed reports at the session's start, as real time does.
    onStart: fakeClock ? (now) => app.scheduler.catchUp(now) : undefined,
  });
  await app.close();
}

main().catch((e: unknown) => {
  process.exitCode = reportStartupError(e);
});
