import Database from '../storage/sqlite/driver.js';
import type { App } from '../src/app.js';
import type { Size } from './generate.js';
import { handlersOf } from './generate.js';
import { summarize, type Latency } from './measure.js';

export interface CommandResult {
  command: string;
  bot: Latency;
  raw: Latency;
  readsPerTx: number;
  writesPerTx: number;
  ratio: number;
}

type Recorded = Array<{ reader: boolean; sql: string; args: unknown[] }>;

/** Collects every statement an app executes while `current` is set. */
export interface Recorder {
  current: Recorded | undefined;
}

/**
 * The four commands, as a script that gives the same statements each time it is run on the same
 * ledger. Make one script per app: its message ids count on across the commands.
 */
export function script(app: App, size: Size, idPrefix = 'cmd'): Array<[string, (i: number) => Promise<{ outcome: string }>]> {
  const code = (i: number) => `D-${String(size.tasks + 1 + i).padStart(4, '0')}`;
  const unit = (i: number) => 1 + (i % size.units);
  const handler = (i: number) => handlersOf(size, unit(i))[0] ?? '';
  const name = (id: string) => app.directory.personName(id);
  let seq = 0;
  const say = (who: string, text: string) =>
    app.bot.handle({
      platform: 'console',
      messageId: `${idPrefix}-${++seq}`,
      chatId: 'bench-group',
      chatType: 'group',
      senderAccountId: name(who),
      senderName: name(who),
      text,
      mentions: [],
      mentionsBot: true,
    });
  return [
    ['交办', (i) => say('sec', `交办 测${unit(i)}单位 基准命令事项${i} 12月31日`)],
    ['签收', (i) => say(handler(i), `签收 ${code(i)}`)],
    ['进展', (i) => say(handler(i), `进展 ${code(i)} 50% 已完成初稿`)],
    ['查询', (i) => say('sec', `查询 ${code(i)}`)],
  ];
}

/**
 * 交办, 签收, 进展 and 查询 through the front door the adapters use, each beside a raw
 * better-sqlite3 baseline in the same run. Three identical ledgers: on the first, the same
 * script runs with every statement recorded (untimed); on the second, it runs timed with no
 * instrumentation; on the third, the raw baseline replays exactly the recorded statements
 * (same SQL, parameters and transaction grouping). The ratio is the share of a command's time
 * that SQLite itself needs; the rest is the bot's own work.
 */
export async function benchCommands(timed: App, capture: { app: App; recorder: Recorder }, rawFile: string, size: Size, n: number): Promise<CommandResult[]> {
  const timedScript = script(timed, size);
  const captureScript = script(capture.app, size);
  const raw = new Database(rawFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = raw.prepare(sql)));
    return s;
  };
  const replay = raw.transaction((stmts: Recorded) => {
    for (const s of stmts) {
      const st = statement(s.sql);
      if (s.reader) st.all(...s.args);
      else st.run(...s.args);
    }
  });
  const results: CommandResult[] = [];
  for (const [k, [command, run]] of timedScript.entries()) {
    const record = captureScript[k]?.[1];
    if (!record) throw new Error('scripts differ');
    const recorded: Recorded[] = [];
    for (let i = 0; i < n; i++) {
      capture.recorder.current = [];
      const r = await record(i);
      recorded.push(capture.recorder.current);
      capture.recorder.current = undefined;
      if (r.outcome !== 'handled') throw new Error(`${command} #${i} was ${r.outcome}`);
    }
    // Interleaved, so that garbage collection, checkpoints and the machine's other load fall on
    // both sides alike: the bot handles command i, then the raw baseline replays it.
    const botSamples: number[] = [];
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      const r = await run(i);
      botSamples.push(performance.now() - t);
      if (r.outcome !== 'handled') throw new Error(`${command} #${i} was ${r.outcome}`);
      t = performance.now();
      replay(recorded[i] ?? []);
      samples.push(performance.now() - t);
    }
    const bot = summarize(botSamples);
    const rawLatency = summarize(samples);
    const reads = recorded.reduce((a, s) => a + s.filter((x) => x.reader).length, 0) / n;
    const writes = recorded.reduce((a, s) => a + s.filter((x) => !x.reader).length, 0) / n;
    results.push({ command, bot, raw: rawLatency, readsPerTx: reads, writesPerTx: writes, ratio: bot.perSecond / rawLatency.perSecond });
  }
  raw.close();
  return results;
}
