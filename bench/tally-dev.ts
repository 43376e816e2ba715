/**
 * `tsx bench/tally-dev.ts <db> <directory.yaml>`: the weekly tally and 「上周各单位情况」 on an
 * existing ledger (for example the one bench/chase-dev.ts leaves after its mornings), each with
 * the time spent in its statements, for development. Works on a copy; the ledger is not changed.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { computeTally } from '../src/reports/tally.js';
import { previousWeek } from '../src/calendar/periods.js';
import { timeStatements } from './statement-times.js';
import { ask, best } from './chase-stage.js';

const [db = 'data/full/dev.db', yaml = 'data/full/dev-directory.yaml'] = process.argv.slice(2);
const copy = `${db}.tally-copy`;
for (const s of ['', '-wal', '-shm']) rmSync(`${copy}${s}`, { force: true });
copyFileSync(db, copy);
const times = timeStatements(140);
const app = createApp({
  dbFile: copy,
  directory: parseDirectory(readFileSync(yaml, 'utf8'), 'dev'),
  calendar: loadCalendar(),
  clock: new FakeClock(instantAt('2026-12-09', '10:00')),
  logger: createLogger('error'),
  settings: { botName: '督办助手' },
});
const report = (what: string, ms: number) => {
  process.stdout.write(`${what}: ${Math.round(ms)} ms (best of 3); per statement over the 3 runs:\n`);
  times.report(8, '  ');
};
report('weekly tally', await best(3, () => app.storage.transaction((r) => computeTally(r.stats, app.directory, previousWeek('2026-12-14'), '2026-12-09'))));
report('上周各单位情况', await ask(app, '上周各单位情况'));
await app.close();
for (const s of ['', '-wal', '-shm']) rmSync(`${copy}${s}`, { force: true });
