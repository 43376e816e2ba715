import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type App } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { dailyChase } from '../src/jobs/daily-chase.js';
import { instantAt } from '../src/time/shanghai.js';
import { openDatabase } from '../storage/open-database.js';
import { openStorage } from '../storage/open-storage.js';
import { copySqliteToPostgres } from '../storage/postgres/copy-from-sqlite.js';
import type { PgStorage } from '../storage/postgres/pg-storage.js';
import { startPgCluster } from '../test/support/pg-cluster.js';
import { directoryYaml, generateDatabase, QUICK, TODAY, type Size } from './generate.js';
import { round, summarize, type Latency } from './measure.js';
import { script } from './commands.js';

/** Smaller than the SQLite benchmark's province: the copy into PostgreSQL is row by row. */
const PG_FULL: Size = QUICK;
const PG_QUICK: Size = { name: 'pg-quick', units: 20, people: 400, tasks: 10_000, overdue: 1_000, openNotDue: 300, years: 2 };

type Statement = { text: string; values: unknown[] };
type Recorded = Statement[];

/**
 * `npm run bench -- --postgres`: the same synthetic province copied into a throwaway
 * PostgreSQL (the tests' cluster helper: initdb, fsync off), then 交办/签收/进展/查询 and the
 * daily chase through the bot, each beside the raw PostgreSQL statements it issued, replayed
 * on an identical copy by a bare node-postgres client in the same run (same SQL, parameters
 * and BEGIN … COMMIT grouping). The ratio is the share of the time PostgreSQL itself needs.
 */
export async function benchPostgres(quick: boolean): Promise<Array<[string, string, string]>> {
  const size = quick ? PG_QUICK : PG_FULL;
  const rows: Array<[string, string, string]> = [];
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const work = join('data', 'bench');
  mkdirSync(work, { recursive: true });
  const sqliteFile = join(work, `${size.name}-for-pg.db`);
  log(`postgres: generating ${size.tasks.toLocaleString()} tasks and copying them into a throwaway PostgreSQL …`);
  generateDatabase(sqliteFile, size);
  const cluster = await startPgCluster();
  const results: Record<string, unknown> = { size };
  try {
    const base = await cluster.freshDatabase();
    const migrated = openStorage(base);
    await migrated.ready();
    await migrated.close();
    const pool = new pg.Pool({ connectionString: base });
    const db = openDatabase(sqliteFile);
    const t0 = performance.now();
    await copySqliteToPostgres(db, pool);
    db.close();
    await pool.end();
    rows.push(['pg: copy', `${size.tasks.toLocaleString()} tasks copied from SQLite (npm run migrate-ledger)`, `${round((performance.now() - t0) / 1000, 1)} s`]);
    const copy = async (name: string) => {
      const admin = new pg.Client({ connectionString: base.replace(/\/[^/]+$/, '/postgres') });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${base.slice(base.lastIndexOf('/') + 1)}`);
      await admin.end();
      return base.replace(/\/[^/]+$/, `/${name}`);
    };
    const yaml = directoryYaml(size);
    const n = quick ? 200 : 1000;
    const urls = { timed: await copy('b_timed'), capture: await copy('b_capture'), raw: await copy('b_raw') };
    const timed = openApp(urls.timed, size, yaml);
    const capture = openApp(urls.capture, size, yaml);
    const recorder = record(capture);
    const raw = new pg.Client({ connectionString: urls.raw });
    await raw.connect();
    await Promise.all([timed.storage.ready(), capture.storage.ready()]);
    const commands: Record<string, { bot: Latency; raw: Latency; statementsPerCommand: number }> = {};
    // One script per app, so that message ids keep counting across the commands (a script made
    // again would reuse them, and every command after the first would be a duplicate).
    const captureScript = script(capture, size, 'pg-cmd');
    for (const [command, runTimed] of script(timed, size, 'pg-cmd')) {
      const runCapture = captureScript.find(([c]) => c === command)?.[1];
      if (!runCapture) throw new Error('scripts differ');
      const recorded: Recorded[] = [];
      for (let i = 0; i < n; i++) {
        const statements = await recorder.during(async () => {
          const r = await runCapture(i);
          if (r.outcome !== 'handled') throw new Error(`${command} #${i} was ${r.outcome} while recording`);
        });
        recorded.push(statements);
      }
      const botMs: number[] = [];
      const rawMs: number[] = [];
      for (let i = 0; i < n; i++) {
        let t = performance.now();
        const r = await runTimed(i);
        botMs.push(performance.now() - t);
        if (r.outcome !== 'handled') throw new Error(`${command} #${i} was ${r.outcome}`);
        t = performance.now();
        for (const s of recorded[i] ?? []) await raw.query(s.text, s.values);
        rawMs.push(performance.now() - t);
      }
      const bot = summarize(botMs);
      const rawL = summarize(rawMs);
      const per = recorded.reduce((a, r) => a + r.length, 0) / n;
      commands[command] = { bot, raw: rawL, statementsPerCommand: round(per, 1) };
      rows.push([
        `pg: command ${command}`,
        `${round(per, 1)} statements/command (BEGIN…COMMIT included); p50 ${round(bot.p50ms, 2)} ms (raw ${round(rawL.p50ms, 2)}), p99 ${round(bot.p99ms, 2)} ms (raw ${round(rawL.p99ms, 2)})`,
        `${Math.round(bot.perSecond)}/s vs raw ${Math.round(rawL.perSecond)}/s = ${round(bot.perSecond / rawL.perSecond)}`,
      ]);
    }
    results.commands = commands;
    // The daily chase on fresh copies: through the bot (timed), recorded, and replayed raw.
    const chaseUrls = { timed: await copy('b_chase_timed'), capture: await copy('b_chase_capture'), raw: await copy('b_chase_raw') };
    const chaseTimed = openApp(chaseUrls.timed, size, yaml);
    const chaseCapture = openApp(chaseUrls.capture, size, yaml);
    const chaseRecorder = record(chaseCapture);
    const occ = chaseTimed.jobs.occurrence(dailyChase, TODAY);
    if (!occ) throw new Error(`no chase on ${TODAY}`);
    const recorded = await chaseRecorder.during(() => chaseCapture.jobs.run(dailyChase, occ));
    let t = performance.now();
    const run = await chaseTimed.jobs.run(dailyChase, occ);
    const botMs = performance.now() - t;
    const chaseRaw = new pg.Client({ connectionString: chaseUrls.raw });
    await chaseRaw.connect();
    t = performance.now();
    for (const s of recorded) await chaseRaw.query(s.text, s.values);
    const rawMs = performance.now() - t;
    results.dailyChase = { ms: round(botMs), rawMs: round(rawMs), messages: run.messages.length, statements: recorded.length };
    rows.push([
      'pg: daily chase',
      `${size.overdue.toLocaleString()} overdue among ${size.tasks.toLocaleString()}; ${run.messages.length} messages; raw: its ${recorded.length.toLocaleString()} statements replayed`,
      `${round(botMs / 1000, 2)} s vs raw ${round(rawMs / 1000, 2)} s = ×${round(botMs / rawMs)}`,
    ]);
    for (const c of [raw, chaseRaw]) await c.end();
    for (const a of [timed, capture, chaseTimed, chaseCapture]) await a.close();
  } finally {
    cluster.stop();
    for (const s of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${s}`, { force: true });
  }
  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(join('bench', 'results', `postgres-${size.name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  return rows;
}

function openApp(url: string, size: Size, yaml: string): App {
  return createApp({
    dbFile: url,
    directory: parseDirectory(yaml, size.name),
    calendar: loadCalendar(),
    clock: new FakeClock(instantAt(TODAY, '09:00')),
    logger: createLogger('error'),
    settings: { botName: '督办助手' },
  });
}

/** Records every statement the app's pool connections run while `during` runs. */
function record(app: App): { during<T>(f: () => Promise<T>): Promise<Recorded> } {
  let current: Recorded | undefined;
  const wrapped = new WeakSet<object>();
  (app.storage as PgStorage).pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (text: unknown, values?: unknown) => Promise<unknown>;
    (client as unknown as { query: typeof query }).query = (text: unknown, values?: unknown) => {
      if (current && typeof text === 'string') current.push({ text, values: (values as unknown[] | undefined) ?? [] });
      return query(text, values);
    };
  });
  return {
    async during(f) {
      current = [];
      try {
        await f();
        return current;
      } finally {
        current = undefined;
      }
    },
  };
}
