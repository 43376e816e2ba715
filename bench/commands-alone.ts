import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from '../storage/sqlite/driver.js';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { benchCommands, type Recorder } from './commands.js';
import { directoryYaml, generateDatabase, QUICK, TODAY } from './generate.js';
import { round } from './measure.js';

/**
 * Only the commands beside their raw replay, for development: `npx tsx bench/commands-alone.ts [n]`.
 * Generates the quick ledger once (data/bench/commands-base.db), then runs on three fresh copies.
 */
const n = Number(process.argv[2] ?? 1000);
const size = QUICK;
const work = join('data', 'bench');
mkdirSync(work, { recursive: true });
const base = join(work, 'commands-base.db');
const yaml = directoryYaml(size);
if (!existsSync(base)) {
  writeFileSync(join(work, 'commands-directory.yaml'), yaml);
  generateDatabase(base, size);
}
const copy = (suffix: string) => {
  const file = join(work, `commands-${suffix}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  const db = new Database(base, { readonly: true });
  db.exec(`VACUUM INTO '${file}'`);
  db.close();
  return file;
};
const open = (dbFile: string, record: boolean) => {
  const recorder: Recorder = { current: undefined };
  const app = createApp({
    dbFile,
    directory: parseDirectory(yaml, size.name),
    calendar: loadCalendar(),
    clock: new FakeClock(instantAt(TODAY, '09:00')),
    logger: createLogger('error'),
    settings: { botName: '督办助手' },
    statementObserver: record ? (reader, sql, args) => recorder.current?.push({ reader, sql, args }) : undefined,
  });
  return { app, recorder };
};
const timed = open(copy('timed'), false);
const capture = open(copy('capture'), true);
const rawFile = copy('raw');
const results = await benchCommands(timed.app, capture, rawFile, size, n);
await timed.app.close();
await capture.app.close();
for (const c of results)
  process.stdout.write(
    `${c.command}  ${round(c.readsPerTx, 1)}r+${round(c.writesPerTx, 1)}w  bot ${Math.round(c.bot.perSecond)}/s p50 ${round(c.bot.p50ms, 3)}  raw ${Math.round(c.raw.perSecond)}/s p50 ${round(c.raw.p50ms, 3)}  = ${round(c.ratio)}\n`,
  );
