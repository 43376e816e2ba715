import { spawn } from 'node:child_process';
import { round, type Latency } from './measure.js';
import type { Size } from './generate.js';
import type { LoadOptions } from './lark/load.js';
import type { SustainedResult } from './lark/sustained.js';

/** A sustained run with the CPU its process (bot or echo) spent per event, and its memory. */
export type SustainedProcess = SustainedResult & { cpuMsPerEvent: number; rssMb: number; maxRssMb: number };

export interface LarkResult {
  /** Handlers the load rotates over (each a Lark account in the directory). */
  senders: number;
  single: { events: number; bot: Latency; echo: Latency; ratio: number };
  sustained: { rate: number; seconds: number; bot: SustainedProcess; echo: SustainedProcess };
}

/**
 * Lark end to end in four processes: the load generator (bench/lark/load.ts) forks the fake
 * Lark platform, the bot on the benchmark's ledger and the echo bot, and posts signed,
 * encrypted webhook events to both; the platform tells the generator of each answer it
 * accepts. See bench/lark/load.ts for what is measured.
 */
export function benchLark(o: Omit<LoadOptions, 'key'>): Promise<LarkResult> {
  const options: LoadOptions = { ...o, key: 'bench-encrypt-key' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lark/load.ts', JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`Lark load generator exited ${code}`));
      else resolve(JSON.parse(line) as LarkResult);
    });
  });
}

/** The benchmark table's rows for the Lark figures. */
export function larkRows(l: LarkResult, size: Size): Array<[string, string, string]> {
  const s = l.single;
  const row = (who: string, r: SustainedProcess): [string, string, string] => [
    `Lark ${l.sustained.rate}/s, ${who}`,
    `${r.events} events over ${l.sustained.seconds} s (sent at ${Math.round(r.sentPerSecond)}/s); webhook p50 ${round(r.webhook.p50ms, 1)} ms, max ${round(r.webhook.maxMs)} ms, ${r.webhook.failed} failed; answer p50 ${round(r.answer.p50ms, 1)} ms, p99 ${round(r.answer.p99ms, 1)} ms; last answer ${round(r.drainSeconds, 1)} s after the last event; ${round(r.cpuMsPerEvent, 2)} ms CPU per event, resident ${r.rssMb} MB`,
    `webhook p99 ${round(r.webhook.p99ms, 1)} ms, ${r.delivered}/${r.events} answered`,
  ];
  return [
    [
      'Lark one at a time',
      `${s.events} events each, alternating, ${l.senders} senders on the ${size.tasks.toLocaleString()}-task ledger; webhook → answer at the platform: p50 ${round(s.bot.p50ms, 1)} ms (echo ${round(s.echo.p50ms, 1)}), p99 ${round(s.bot.p99ms, 1)} ms (echo ${round(s.echo.p99ms, 1)})`,
      `${Math.round(s.bot.perSecond)}/s vs echo ${Math.round(s.echo.perSecond)}/s = ${round(s.ratio)}`,
    ],
    row('bot', l.sustained.bot),
    row('echo', l.sustained.echo),
  ];
}
