/**
 * The 督办台账 export at scale. `benchExport` generates a province of 100k tasks (20k with
 * --quick), then exports its whole ledger in a process of its own (this file run directly),
 * which prints JSON: rows, history records, seconds, file size, resident memory before and the
 * peak. The streaming writer keeps the peak flat whatever the number of rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { exportLedger } from '../src/export/export-ledger.js';
import { directoryYaml, generateDatabase, TODAY, type Size } from './generate.js';

export interface ExportBench {
  tasks: number;
  rows: number;
  history: number;
  seconds: number;
  fileMb: number;
  rssBeforeMb: number;
  peakMb: number;
}

export function benchExport(quick: boolean): ExportBench {
  const size: Size = quick
    ? { name: 'export-quick', units: 40, people: 1000, tasks: 20_000, overdue: 2_000, openNotDue: 500, years: 2 }
    : { name: 'export', units: 200, people: 5000, tasks: 100_000, overdue: 10_000, openNotDue: 2_000, years: 2 };
  const work = join('data', 'bench');
  mkdirSync(work, { recursive: true });
  const dbFile = join(work, `${size.name}.db`);
  const yamlFile = join(work, `${size.name}-directory.yaml`);
  writeFileSync(yamlFile, directoryYaml(size));
  generateDatabase(dbFile, size);
  const out = join(work, `${size.name}.xlsx`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/export.ts', dbFile, yamlFile, out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`export bench failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Omit<ExportBench, 'tasks'>;
  rmSync(out, { force: true });
  return { tasks: size.tasks, ...result };
}

async function child(dbFile: string, yamlFile: string, out: string): Promise<void> {
  const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const app = createApp({
    dbFile,
    directory: parseDirectory(readFileSync(yamlFile, 'utf8'), 'bench'),
    calendar: loadCalendar(),
    clock: new FakeClock(instantAt(TODAY, '10:00')),
    logger: createLogger('error'),
    settings: { botName: '督办助手' },
  });
  const before = rss();
  const started = performance.now();
  const n = await app.storage.transaction((repos) =>
    exportLedger(out, { repos, directory: app.directory, calendar: app.calendar, today: TODAY, scheme: app.settings.colourScheme, warnDays: app.settings.warnDays }, {}),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  const r = {
    rows: n.rows,
    history: n.history,
    seconds: Math.round(seconds * 10) / 10,
    fileMb: Math.round((statSync(out).size / 2 ** 20) * 10) / 10,
    rssBeforeMb: before,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

if (process.argv[1]?.endsWith('export.ts') && process.argv.length >= 5) {
  const [dbFile = '', yamlFile = '', out = ''] = process.argv.slice(2);
  child(dbFile, yamlFile, out).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
