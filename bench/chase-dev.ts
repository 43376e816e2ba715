/** `tsx bench/chase-dev.ts [tasks overdue]`: just the paged chase beside its floor, for development. */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { chaseFloor, liveChase } from './chase.js';
import { ask, best } from './chase-stage.js';
import { computeTally } from '../src/reports/tally.js';
import { previousWeek } from '../src/calendar/periods.js';
import { directoryYaml, generateDatabase, QUICK, TODAY } from './generate.js';
import { sqliteOf, sqliteStorageOf } from '../test/support/raw-sql.js';
import { timeStatements } from './statement-times.js';
import { traceStalls } from './stall-trace.js';

/** TIMES=1: the time spent in each statement (by its first 100 characters), printed after each morning. */
const times = process.env.TIMES ? timeStatements(100) : undefined;

const counts = new Map<string, number>();
const [tasks = QUICK.tasks, overdue = QUICK.overdue] = process.argv.slice(2).map(Number);
const size = { ...QUICK, name: 'dev', tasks, overdue };
const dir = join('data', process.env.BENCH_DIR ?? 'bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'dev.db');
const yaml = directoryYaml(size);
writeFileSync(join(dir, 'dev-directory.yaml'), yaml);
// REUSE=1: start from the copy kept by the last run of the same size instead of generating again.
const pristine = join(dir, `dev-pristine-${tasks}-${overdue}.db`);
if (process.env.REUSE && existsSync(pristine)) {
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  copyFileSync(pristine, file);
} else {
  generateDatabase(file, size);
  copyFileSync(file, pristine);
}
const app = createApp({
  dbFile: file,
  directory: parseDirectory(yaml, 'dev'),
  calendar: loadCalendar(),
  clock: new FakeClock(instantAt(TODAY, '09:00')),
  logger: createLogger('error'),
  settings: { botName: '督办助手' },
  statementObserver: process.env.STATS ? (_r, sql) => counts.set(sql.replace(/\s+/g, ' ').slice(0, 90), (counts.get(sql.replace(/\s+/g, ' ').slice(0, 90)) ?? 0) + 1) : undefined,
});
if (process.env.CACHE) sqliteOf(app).pragma('cache_size = ' + process.env.CACHE);
if (process.env.NOCKPT) sqliteOf(app).pragma('wal_autocheckpoint = ' + process.env.NOCKPT);
/** Per phase the page is left in: total ms, pages, slowest page. */
const phases = new Map<string, number[]>();
if (process.env.PAGES) {
  const tx = sqliteStorageOf(app).transaction.bind(sqliteStorageOf(app));
  sqliteStorageOf(app).transaction = (async (fn: Parameters<typeof tx>[0]) => {
    const t = performance.now();
    const r = await tx(fn);
    const ms = performance.now() - t;
    const cur = sqliteOf(app).prepare('SELECT cursor FROM job_cursors ORDER BY updated_at DESC, rowid DESC LIMIT 1').get() as { cursor: string } | undefined;
    const ph = /"phase":"(\w+)"/.exec(cur?.cursor ?? '')?.[1] ?? 'end';
    if (process.env.PAGES === '2' && ms > 40) {
      const wal = existsSync(`${file}-wal`) ? Math.round(statSync(`${file}-wal`).size / 4096) : 0;
      process.stderr.write(`SLOW ${Math.round(ms)} ms (WAL ${wal} pages): ${cur?.cursor.slice(0, 160)}\n`);
    }
    phases.set(ph, [(phases.get(ph)?.[0] ?? 0) + ms, (phases.get(ph)?.[1] ?? 0) + 1, Math.max(phases.get(ph)?.[2] ?? 0, ms)]);
    return r;
  }) as typeof tx;
}
const floorFile = join('data', process.env.BENCH_DIR ?? 'bench', 'dev-floor.db');
for (const s of ['', '-wal', '-shm']) rmSync(`${floorFile}${s}`, { force: true });
sqliteOf(app).exec(`VACUUM INTO '${floorFile}'`);
const floor = chaseFloor(floorFile, TODAY);
// STALLS=1: each event-loop gap of the mornings with what ran in it (bench/stall-trace.ts).
const stalls = process.env.STALLS ? traceStalls(sqliteStorageOf(app)) : undefined;
const code = `D-${String(size.tasks - 5).padStart(4, '0')}`;
for (const d of [TODAY, '2026-12-08', '2026-12-09'].slice(0, Number(process.env.MORNINGS ?? 3))) {
  const c = await liveChase(app, d, code);
  if (phases.size > 0) process.stdout.write(`${JSON.stringify([...phases].map(([k, v]) => [k, v.map(Math.round)]))}\n`);
  phases.clear();
  times?.report(20);
  stalls?.report((t) => process.stdout.write(t));
  process.stdout.write(`${d}: ${JSON.stringify(c)} floor ${floor.ms} ms (${floor.tasks} tasks, ${floor.messages} messages) → ×${Math.round((c.ms / floor.ms) * 100) / 100}\n`);
}
stalls?.stop();
if (process.env.TALLIES) {
  // As bench/chase-stage.ts: the weekly tally and four questions with the mornings' chase history behind them.
  (app.clock as FakeClock).set(instantAt('2026-12-09', '10:00'));
  const tallyMs = await best(3, () => app.storage.transaction((r) => computeTally(r.stats, app.directory, previousWeek('2026-12-14'), '2026-12-09')));
  process.stdout.write(`weekly tally: ${Math.round(tallyMs)} ms\n`);
  for (const q of ['上周各单位情况', '测1单位还有几件逾期？', '本周交办了多少件？', `${code} 怎么样了`]) process.stdout.write(`${q}: ${Math.round(await ask(app, q))} ms\n`);
}
await app.close();
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`${v}\t${k}\n`);
