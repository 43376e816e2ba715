import { rmSync } from 'node:fs';
import Database from '../storage/sqlite/driver.js';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import type { Directory } from '../src/directory/directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { dailyChase } from '../src/jobs/daily-chase.js';
import { LarkAdapter } from '../src/adapters/lark/lark-adapter.js';
import { FakeLark } from '../test/adapters/lark/fake-lark.js';
import { KEY } from '../test/adapters/lark/lark-world.js';
import { round } from './measure.js';

export interface LarkMorning {
  messages: number;
  /** From the chase's start to its last page committed, and to the last message accepted by the fake Lark. */
  chaseMs: number;
  lastAcceptedMs: number;
  /** What Lark's app limit (50 sends a second) alone allows: messages / 50. */
  boundMs: number;
}

/**
 * The 09:00 experience on a copy of a ledger not chased yet today: its tasks moved to Lark
 * groups, the bot's real Lark adapter (real SDK, Lark's real limits: 5 a second per chat,
 * 50 for the app) sending to the fake Lark server; the daily chase runs as at 09:00 and the
 * outbox delivers while it runs. Timed until the fake platform has accepted every message.
 */
export async function larkMorning(source: string, copyFile: string, directory: Directory, date: string): Promise<LarkMorning> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${copyFile}${s}`, { force: true });
  const src = new Database(source);
  src.exec(`VACUUM INTO '${copyFile}'`);
  src.close();
  const db = new Database(copyFile);
  db.exec("UPDATE tasks SET origin_platform = 'lark' WHERE origin_platform = 'bench'; UPDATE chats SET platform = 'lark' WHERE platform = 'bench'");
  db.close();
  const fake = new FakeLark();
  await fake.start();
  const app = createApp({
    dbFile: copyFile,
    directory,
    calendar: loadCalendar(),
    clock: new FakeClock(instantAt(date, '09:00')),
    logger: createLogger('error'),
    settings: { botName: '督办助手' },
  });
  const adapter = new LarkAdapter(
    { appId: 'cli_0123456789abcdef', appSecret: 'bench-secret', encryptKey: KEY, domain: fake.base, mode: 'webhook', webhookPort: 0, webhookPath: '/webhook/event', wsPingTimeoutSec: 15 },
    app.core,
  );
  app.dispatcher.register(adapter);
  await adapter.start(app.inbox.accept);
  try {
    const occ = app.jobs.occurrence(dailyChase, date);
    if (!occ) throw new Error(`no chase on ${date}`);
    const t0 = performance.now();
    let last = t0;
    fake.onSent = () => {
      last = performance.now();
    };
    const run = await app.jobs.run(dailyChase, occ);
    const chaseMs = performance.now() - t0;
    const messages = run.count;
    const deadline = performance.now() + 60_000 + (messages / 5) * 1000;
    while (fake.sent.length < messages && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      void app.dispatcher.kick();
    }
    if (fake.sent.length < messages) throw new Error(`only ${fake.sent.length} of ${messages} chase messages reached the fake Lark`);
    return { messages, chaseMs: round(chaseMs), lastAcceptedMs: round(last - t0), boundMs: round((messages / 50) * 1000) };
  } finally {
    await adapter.stop();
    await app.close();
    await fake.stop();
    for (const s of ['', '-wal', '-shm']) rmSync(`${copyFile}${s}`, { force: true });
  }
}
