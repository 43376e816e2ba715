import { memoryCompiled } from './memory-compiled.js';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type App } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { computeTally } from '../src/reports/tally.js';
import { previousWeek } from '../src/calendar/periods.js';
import { chaseFloor, liveChase, type LiveChase } from './chase.js';
import { benchCommands, type Recorder } from './commands.js';
import { directoryYaml, FULL, generateDatabase, QUICK, TODAY, type Size } from './generate.js';
import { round, timeOnce } from './measure.js';
import { benchLark, larkRows } from './lark-e2e.js';
import { benchQuestions } from './questions.js';
import { benchExport } from './export.js';
import { benchPostgres } from './postgres.js';
import { benchStartup } from './startup.js';
import { sqliteOf } from '../test/support/raw-sql.js';
import { chaseStage } from './chase-stage.js';
import { SYNC_CHECK_BYTES } from '../storage/sqlite/ledger-guard.js';

/**
 * `npm run bench [-- --quick]`: a synthetic province straight into SQLite, then commands
 * beside a raw baseline, the daily chase at scale, tallies and plain-language queries, Lark
 * end to end beside an echo bot, memory and start-up. Prints a table; writes JSON.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      out: { type: 'string' },
      'chase-sizes': { type: 'string' },
      postgres: { type: 'boolean' },
      'lark-rate': { type: 'string' },
      'lark-seconds': { type: 'string' },
    },
    strict: true,
  });
  // `--postgres`: the command and chase figures on a throwaway PostgreSQL instead (bench/postgres.ts).
  if (values.postgres) {
    for (const [a, b, c] of await benchPostgres(Boolean(values.quick)))
      process.stdout.write(`${a.padEnd(22)}  ${c.padEnd(34)}  ${b}
`);
    return;
  }
  const size = values.quick ? QUICK : FULL;
  const dir = join('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const work = join('data', 'bench');
  mkdirSync(work, { recursive: true });
  const dbFile = join(work, `${size.name}.db`);
  const yamlFile = join(work, `${size.name}-directory.yaml`);
  const results: Record<string, unknown> = { size, machine: machine(), date: new Date().toISOString() };
  const rows: Array<[string, string, string]> = [];
  const log = (s: string) => process.stderr.write(`${s}\n`);

  log(`generating ${size.name}: ${size.units} units, ${size.people} people, ${size.tasks} tasks …`);
  const yaml = directoryYaml(size);
  writeFileSync(yamlFile, yaml);
  const gen = generateDatabase(dbFile, size);
  results.generate = gen;
  rows.push(['generate', `${size.tasks.toLocaleString()} tasks, ${(gen.rows.audit_log ?? 0).toLocaleString()} audit rows`, `${round(gen.seconds, 1)} s`]);

  const inProcess = await timeOnce(() => openBench(size, dbFile, yaml));
  const app = inProcess.value.app;
  // The whole process to ready, compiled (npm run serve) and under tsx, beside a bare node (bench/startup.ts).
  const startup = await benchStartup(dbFile, yamlFile);
  results.startup = { openAppMs: round(inProcess.ms), ...startup };
  rows.push(['open the core', 'ledger, migrations check and directory, in process', `${round(inProcess.ms)} ms`]);
  if (startup) {
    rows.push([
      'start-up (compiled)',
      `npm run serve (the bundle) on Lark (webhook) to its ready line; bare node ${startup.nodeMs} ms, loading the unbundled modules ${startup.importMs} ms; directory cache empty ${startup.compiledColdCacheMs} ms; unbundled (dist/src/main.js) ${startup.unbundledMs} ms; under tsx ${startup.tsxMs} ms`,
      `${startup.compiledMs} ms = ×${round(startup.compiledMs / startup.nodeMs, 1)} bare node`,
    ]);
  } else {
    rows.push(['start-up (compiled)', 'not measured: run `npm run build` first', '—']);
  }
  // The start-up corruption check (#15): before start-up up to SYNC_CHECK_BYTES, after it (in a worker) above.
  const check = await timeOnce(() => sqliteOf(app).pragma('quick_check'));
  const mib = Math.round(statSync(dbFile).size / 2 ** 20);
  results.quickCheck = { ms: round(check.ms), mib };
  rows.push(['quick_check', `PRAGMA quick_check on the ${mib} MiB ledger (before start-up up to ${SYNC_CHECK_BYTES / 2 ** 20} MiB, else in a worker after)`, `${round(check.ms)} ms`]);

  // The daily chase as it runs at 09:00 (paged), a 查询 sent every 50 ms while it runs; its floor
  // (the same reads and writes as a few bulk statements) on a copy of the ledger before it.
  const floorFile = join(work, `${size.name}-floor.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(`${floorFile}${s}`, { force: true });
  sqliteOf(app).exec(`VACUUM INTO '${floorFile}'`);
  const floor = chaseFloor(floorFile, TODAY);
  for (const s of ['', '-wal', '-shm']) rmSync(`${floorFile}${s}`, { force: true });
  const code = `D-${String(size.tasks - 5).padStart(4, '0')}`;
  const chase = await liveChase(app, TODAY, code);
  results.dailyChase = { ...chase, floorMs: floor.ms, floorTasks: floor.tasks, ratio: round(chase.ms / floor.ms) };
  rows.push([
    'daily chase',
    `${size.overdue.toLocaleString()} overdue among ${size.tasks.toLocaleString()}; ${chase.messages} messages in ${chase.pages} pages; floor ${round(floor.ms)} ms (${floor.tasks.toLocaleString()} tasks in bulk SQL)`,
    `${round(chase.ms / 1000, 2)} s = ×${round(chase.ms / floor.ms)} floor`,
  ]);
  rows.push([
    'during the chase',
    `${chase.answers} 查询 answered while it ran (p99 ${chase.p99AnswerMs} ms); event loop p99 stall ${chase.p99StallMs} ms`,
    `answer ≤ ${chase.maxAnswerMs} ms, stall ≤ ${chase.maxStallMs} ms`,
  ]);
  // Two more mornings, so that the tallies below have a few days of chase history behind them.
  const later: LiveChase[] = [];
  for (const d of ['2026-12-08', '2026-12-09']) later.push(await liveChase(app, d, code));
  results.laterChases = later;
  rows.push([
    'later chases',
    `2nd and 3rd mornings (notices of the 2nd and 3rd steps); answer ≤ ${Math.max(...later.map((l) => l.maxAnswerMs))} ms, stall ≤ ${Math.max(...later.map((l) => l.maxStallMs))} ms`,
    later.map((l) => `${round(l.ms / 1000, 2)} s`).join(' / '),
  ]);

  // Tallies and plain-language questions with three days of chase history behind them.
  app.clock instanceof FakeClock && app.clock.set(instantAt('2026-12-09', '10:00'));
  const tally = await best(5, () => app.storage.transaction((r) => computeTally(r.stats, app.directory, previousWeek('2026-12-14'), '2026-12-09')));
  results.weeklyTally = { ms: tally };
  rows.push(['weekly tally', 'this week with 3 days of chases, 200 units, at a million tasks', `${round(tally)} ms`]);
  const ask = (text: string) =>
    best(5, () =>
      app.bot.handle({
        platform: 'console',
        messageId: `q-${Math.random()}`,
        chatId: 'bench-group',
        chatType: 'group',
        senderAccountId: '省长甲',
        text,
        mentions: [],
        mentionsBot: true,
      }),
    );
  const questions: Record<string, number> = {};
  for (const q of ['测1单位还有几件逾期？', '本周交办了多少件？', '上周各单位情况', `${code} 怎么样了`]) {
    questions[q] = round(await ask(q));
    rows.push(['plain-language query', q, `${questions[q]} ms`]);
  }
  results.queries = questions;
  const reader = benchQuestions(values.quick ? 10 : 50, yaml);
  results.questionReader = reader;
  rows.push([
    'question reader',
    `${reader.questions} corpus questions, rules only; ${Math.round(reader.withoutModel * 100)}% read in full without the model; ${reader.large?.units ?? 0}-unit directory: ${reader.large?.meanUs ?? 0} µs`,
    `${reader.meanUs} µs/question (p99 ${reader.p99Us})`,
  ]);

  // The same overdue count in a ledger a fifth the size: what grows with the ledger.
  const smallSize: Size = { ...size, name: `${size.name}-small`, tasks: Math.max(size.overdue + size.openNotDue + 1000, Math.floor(size.tasks / 5)) };
  const smallDb = join(work, `${smallSize.name}.db`);
  generateDatabase(smallDb, smallSize);
  const small = await openBench(smallSize, smallDb, yaml);
  const smallChase = await liveChase(small.app, TODAY, code);
  await small.app.close();
  const scaling = chase.ms / smallChase.ms;
  results.chaseScaling = { smallTasks: smallSize.tasks, smallMs: round(smallChase.ms), largeMs: round(chase.ms), ratio: round(scaling) };
  rows.push(['chase scaling', `same overdue in ${smallSize.tasks.toLocaleString()} vs ${size.tasks.toLocaleString()} tasks (×${size.tasks / smallSize.tasks} table)`, `×${round(scaling)} time`]);

  // Commands beside the raw baseline, on two copies of the ledger as it stands now.
  const n = values.quick ? 1000 : 3000;
  const copy = (suffix: string) => {
    const file = join(work, `${size.name}-${suffix}.db`);
    for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
    sqliteOf(app).exec(`VACUUM INTO '${file}'`);
    return file;
  };
  const captureFile = copy('capture');
  const rawFile = copy('raw');
  const capture = await openBench(size, captureFile, yaml, true);
  const commands = await benchCommands(app, capture, rawFile, size, n);
  await capture.app.close();
  for (const f of [captureFile, rawFile]) for (const s of ['', '-wal', '-shm']) rmSync(`${f}${s}`, { force: true });
  results.commands = commands;
  for (const c of commands) {
    rows.push([
      `command ${c.command}`,
      `${round(c.readsPerTx, 1)} reads + ${round(c.writesPerTx, 1)} writes/tx; p50 ${round(c.bot.p50ms, 3)} ms (raw ${round(c.raw.p50ms, 3)}), p99 ${round(c.bot.p99ms, 3)} ms (raw ${round(c.raw.p99ms, 3)})`,
      `${Math.round(c.bot.perSecond)}/s vs raw ${Math.round(c.raw.perSecond)}/s = ${round(c.ratio)}`,
    ]);
  }
  await app.close();
  // Memory in a process of its own: the generator and the copies above would blur it here.
  // On compiled JavaScript (npm run build), as production runs: no tsx or TypeScript in the process.
  const memory = memoryCompiled(dbFile, yamlFile);
  results.memory = memory;
  rows.push(['memory', `resident (compiled): opened ${memory.openedMb} MB, after tally and query ${memory.afterQueriesMb} MB, peak during the daily chase`, `${memory.maxMb} MB`]);

  // Lark last: its bot writes progress notes into the ledger, which nothing after it reads.
  const lark = await benchLark({
    dbFile,
    yamlFile,
    oneAtATime: values.quick ? 300 : 1000,
    rate: Number(values['lark-rate'] ?? 200),
    seconds: Number(values['lark-seconds'] ?? 60),
  });
  results.lark = lark;
  rows.push(...larkRows(lark, size));

  log('exporting the ledger …');
  const exported = benchExport(Boolean(values.quick));
  results.export = exported;
  rows.push([
    'ledger export',
    `${exported.tasks.toLocaleString()} tasks to .xlsx (${exported.history.toLocaleString()} history rows, ${exported.fileMb} MB); peak resident ${exported.peakMb} MB`,
    `${exported.seconds} s`,
  ]);

  // Cost growth of the chase, tallies and memory (bench/chase-stage.ts): `--chase-sizes 0.05,1,2`.
  const growth = values['chase-sizes'] ? await chaseStage(size, values['chase-sizes'], work, true) : undefined;
  results.chaseGrowth = growth?.figures;
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\n督办助手 benchmark (${size.name}) on ${machine().cpu}, ${machine().cores} cores, Node ${process.version}\n\n`);
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(width)}  ${c.padEnd(28)}  ${b}\n`);
  if (growth) process.stdout.write(`\ncost growth (chase, tallies, memory; sizes as multiples of ${size.name})\n${growth.table}\n`);
  const out = values.out ?? join(dir, `${size.name}.json`);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nfigures written to ${out}\n`);
}

async function openBench(size: Size, dbFile: string, yaml: string, record = false): Promise<{ app: App; recorder: Recorder }> {
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
}

async function best(times: number, f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < times; i++) min = Math.min(min, (await timeOnce(f)).ms);
  return min;
}

function machine() {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
