/**
 * The chase part of `npm run bench`, or alone: `tsx bench/chase-stage.ts [--base quick|full]
 * [--sizes 0.05,1,2] [--lark]`. Per size (a multiple of the base's tasks, overdue and open
 * work; the same province): a fresh synthetic ledger, the chase's floor, the paged chase at
 * 09:00 with a 查询 every 50 ms and the event loop watched, two more mornings of chase
 * history, then the weekly tally and plain-language questions, and resident memory in a
 * process of its own. Prints the cost-growth table.
 */
import { memoryCompiled } from './memory-compiled.js';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createApp, type App } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { computeTally } from '../src/reports/tally.js';
import { previousWeek } from '../src/calendar/periods.js';
import { chaseFloor, liveChase, type LiveChase } from './chase.js';
import { chatsOf, directoryYaml, FULL, generateDatabase, QUICK, TODAY, type Size } from './generate.js';
import { larkMorning, type LarkMorning } from './lark-morning.js';
import { round } from './measure.js';
import { sqliteOf } from '../test/support/raw-sql.js';

export interface ChaseFigures {
  size: Size;
  generateS: number;
  floorMs: number;
  chase: LiveChase;
  ratio: number;
  later: LiveChase[];
  tallyMs: number;
  questionsMs: Record<string, number>;
  memory?: { bareMb: number; loadedMb: number; openedMb: number; afterQueriesMb: number; afterChaseMb: number; maxMb: number };
  lark?: LarkMorning;
}

export const scaled = (base: Size, f: number): Size => ({
  ...base,
  name: `${base.name}-x${f}`,
  tasks: Math.round(base.tasks * f),
  overdue: Math.round(base.overdue * f),
  openNotDue: Math.round(base.openNotDue * f),
});

const log = (s: string) => process.stderr.write(`${s}\n`);

/** All figures of one size; the Lark morning only when asked (it is bound by Lark's limits: minutes at full size). */
export async function chaseFigures(size: Size, work: string, opts: { lark?: boolean; memory?: boolean } = {}): Promise<ChaseFigures> {
  const dbFile = join(work, `${size.name}.db`);
  const yamlFile = join(work, `${size.name}-directory.yaml`);
  const yaml = directoryYaml(size);
  writeFileSync(yamlFile, yaml);
  log(`chase stage ${size.name}: generating ${size.tasks} tasks, ${size.overdue} overdue, ${chatsOf(size)} chats …`);
  const gen = generateDatabase(dbFile, size);
  const directory = parseDirectory(yaml, size.name);
  const app = createApp({
    dbFile,
    directory,
    calendar: loadCalendar(),
    clock: new FakeClock(instantAt(TODAY, '09:00')),
    logger: createLogger('error'),
    settings: { botName: '督办助手' },
  });
  const before = join(work, `${size.name}-before.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(`${before}${s}`, { force: true });
  sqliteOf(app).exec(`VACUUM INTO '${before}'`);
  log('  floor …');
  const floor = chaseFloor(before, TODAY);
  for (const s of ['', '-wal', '-shm']) rmSync(`${before}${s}`, { force: true });
  sqliteOf(app).exec(`VACUUM INTO '${before}'`);
  const code = `D-${String(size.tasks - 5).padStart(4, '0')}`;
  log('  chase …');
  const chase = await liveChase(app, TODAY, code);
  const later: LiveChase[] = [];
  for (const d of ['2026-12-08', '2026-12-09']) later.push(await liveChase(app, d, code));
  log('  tallies and questions …');
  (app.clock as FakeClock).set(instantAt('2026-12-09', '10:00'));
  const tallyMs = await best(3, () => app.storage.transaction((r) => computeTally(r.stats, app.directory, previousWeek('2026-12-14'), '2026-12-09')));
  const questionsMs: Record<string, number> = {};
  for (const q of ['上周各单位情况', '测1单位还有几件逾期？', '本周交办了多少件？', `${code} 怎么样了`]) questionsMs[q] = round(await ask(app, q));
  await app.close();
  const figures: ChaseFigures = { size, generateS: round(gen.seconds, 1), floorMs: floor.ms, chase, ratio: round(chase.ms / floor.ms), later, tallyMs: round(tallyMs), questionsMs };
  if (opts.memory !== false) {
    log('  memory …');
    // On compiled JavaScript (npm run build), as production runs.
    figures.memory = memoryCompiled(dbFile, yamlFile, '2026-12-10');
  }
  if (opts.lark) {
    log('  09:00 on Lark …');
    figures.lark = await larkMorning(before, join(work, `${size.name}-lark.db`), directory, TODAY);
  }
  for (const f of [before, dbFile]) for (const s of ['', '-wal', '-shm']) rmSync(`${f}${s}`, { force: true });
  return figures;
}

/** The cost-growth table: one column per size. */
export function growthTable(all: ChaseFigures[]): string {
  const row = (label: string, f: (x: ChaseFigures) => string) => [label, ...all.map(f)];
  const ms = (n: number) => (n >= 10_000 ? `${round(n / 1000, 1)} s` : `${round(n)} ms`);
  const rows = [
    row('tasks / overdue', (x) => `${x.size.tasks.toLocaleString()} / ${x.size.overdue.toLocaleString()}`),
    row('chase messages / pages', (x) => `${x.chase.messages} / ${x.chase.pages}`),
    row('chase floor (bulk SQL)', (x) => ms(x.floorMs)),
    row('chase, 1st morning', (x) => `${ms(x.chase.ms)} = ×${x.ratio}`),
    row('chase, 2nd / 3rd', (x) => x.later.map((l) => ms(l.ms)).join(' / ')),
    row('max stall (p99)', (x) => `${Math.max(x.chase.maxStallMs, ...x.later.map((l) => l.maxStallMs))} ms (${x.chase.p99StallMs})`),
    row('查询 during chase, max', (x) => `${Math.max(x.chase.maxAnswerMs, ...x.later.map((l) => l.maxAnswerMs))} ms (${x.chase.answers + x.later.reduce((a, l) => a + l.answers, 0)} asked)`),
    row('weekly tally, 3 days chased', (x) => ms(x.tallyMs)),
    row('slowest question', (x) => ms(Math.max(...Object.values(x.questionsMs)))),
    row('memory peak (chase incl.)', (x) => (x.memory ? `${x.memory.maxMb} MB` : '—')),
    row('  of it: Node / code (compiled)', (x) => (x.memory ? `${x.memory.bareMb} / ${x.memory.loadedMb - x.memory.bareMb} MB` : '—')),
    row('09:00 on Lark: last accepted', (x) => (x.lark ? `${ms(x.lark.lastAcceptedMs)} (≥ ${ms(x.lark.boundMs)})` : '—')),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => stripVTControlCharacters(r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

export async function ask(app: App, text: string): Promise<number> {
  return best(3, () =>
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
}

export async function best(times: number, f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** The stage as `npm run bench` calls it: sizes as multiples of `base` ("0.05,1,2"). */
export async function chaseStage(base: Size, sizes: string, work: string, lark: boolean, onSize?: (f: ChaseFigures[]) => void): Promise<{ figures: ChaseFigures[]; table: string }> {
  const factors = sizes
    .split(',')
    .map(Number)
    .filter((f) => f > 0);
  const figures: ChaseFigures[] = [];
  // The Lark morning at the smallest size only: at full size Lark's limits alone make it minutes long.
  const smallest = Math.min(...factors);
  for (const f of factors) {
    figures.push(await chaseFigures(scaled(base, f), work, { lark: lark && f === smallest }));
    onSize?.(figures);
  }
  return { figures, table: growthTable(figures) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { base: { type: 'string', default: 'quick' }, sizes: { type: 'string', default: '1' }, lark: { type: 'boolean' }, out: { type: 'string' } }, strict: true });
  const work = join('data', 'bench');
  const save = (figures: ChaseFigures[]) => {
    if (values.out) writeFileSync(values.out, `${JSON.stringify(figures, null, 2)}\n`);
    log(growthTable(figures));
  };
  const { table } = await chaseStage(values.base === 'full' ? FULL : QUICK, values.sizes, work, Boolean(values.lark), save);
  process.stdout.write(`\n${table}\n`);
}
