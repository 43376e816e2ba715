/**
 * The Lark load generator, in a process of its own: forks the fake platform, the bot and the
 * echo bot (each its own process), then (1) one event at a time, alternating bot and echo, the
 * time from posting the webhook to the answer reaching the platform; (2) a sustained rate for a
 * while, open loop (events go out on schedule whatever the answers do), for the bot and then
 * for the echo: webhook response times, answer times and how many answers arrived. Prints one
 * line of JSON. Usage: load.ts '<json of LoadOptions>'.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { summarize } from '../measure.js';
import { Workload, type SignedEvent } from './events.js';
import { sustained } from './sustained.js';
import type { ProcessStats } from './stats.js';

export interface LoadOptions {
  dbFile: string;
  yamlFile: string;
  key: string;
  oneAtATime: number;
  rate: number;
  seconds: number;
}

const o = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const children: ChildProcess[] = [];

/** Forks a bench process under tsx and waits for its first IPC message. */
function start<T>(file: string, args: string[]): Promise<{ child: ChildProcess; first: T }> {
  // BENCH_PROFILE=<dir>: a CPU profile of each process (node --cpu-prof) in that folder.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = fork(here(file), args, { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', (first) => resolve({ child, first: first as T }));
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
  });
}

const arrivals = new Map<string, number>();
const waiters = new Map<string, (t: number) => void>();
const platform = await start<{ base: string }>('./platform.ts', []);
platform.child.on('message', (m: { a?: string }) => {
  if (!m.a || arrivals.has(m.a)) return;
  const t = performance.now();
  arrivals.set(m.a, t);
  waiters.get(m.a)?.(t);
});
const base = platform.first.base;
const bot = await start<{ url: string }>('./bot.ts', [o.dbFile, o.yamlFile, base, o.key]);
const echo = await start<{ url: string }>('./echo.ts', [base, o.key]);
const work = new Workload(o.dbFile, readFileSync(o.yamlFile, 'utf8'), o.key);

// As Lark pushes: over a bounded pool of kept-alive connections (node:http, far lighter than fetch).
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function post(url: string, e: SignedEvent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...e.headers, 'content-length': Buffer.byteLength(e.body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(e.body);
  });
}

/** Posts one event and waits for its answer at the platform. */
async function once(url: string, e: SignedEvent): Promise<number> {
  const arrived = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${e.messageId} in 30 s`)), 30_000);
    waiters.set(e.messageId, (t) => {
      clearTimeout(timer);
      resolve(t);
    });
  });
  const t = performance.now();
  const status = await post(url, e);
  if (status !== 200) throw new Error(`webhook answered ${status}`);
  const at = await arrived;
  waiters.delete(e.messageId);
  return at - t;
}

// One event at a time, alternating, after a warm-up of both.
for (let i = 0; i < 30; i++) {
  const e = work.next();
  await once(bot.first.url, e.bot);
  await once(echo.first.url, e.echo);
}
const botSamples: number[] = [];
const echoSamples: number[] = [];
for (let i = 0; i < o.oneAtATime; i++) {
  const e = work.next();
  botSamples.push(await once(bot.first.url, e.bot));
  echoSamples.push(await once(echo.first.url, e.echo));
}
const single = { events: o.oneAtATime, bot: summarize(botSamples), echo: summarize(echoSamples) };

// Sustained: the bot, then the echo bot, on the same schedule and the same mix.
const count = Math.round(o.rate * o.seconds);
const pairs = Array.from({ length: count }, () => work.next());
// Each with the CPU time its process spent on the run: a figure the machine's other load moves less.
const run = async (who: { child: ChildProcess; first: { url: string } }, events: SignedEvent[]) => {
  const before = await ask<ProcessStats>(who.child);
  const r = await sustained({ url: who.first.url, events, rate: o.rate, arrivals, post, settleMs: 30_000 });
  const after = await ask<ProcessStats>(who.child);
  return { ...r, cpuMsPerEvent: (after.cpuMs - before.cpuMs) / events.length, rssMb: after.rssMb, maxRssMb: after.maxRssMb };
};
const botRun = await run(
  bot,
  pairs.map((p) => p.bot),
);
const echoRun = await run(
  echo,
  pairs.map((p) => p.echo),
);

for (const c of children) c.disconnect();
process.stdout.write(
  `${JSON.stringify({
    senders: work.senders,
    single: { ...single, ratio: single.bot.perSecond / single.echo.perSecond },
    sustained: { rate: o.rate, seconds: o.seconds, bot: botRun, echo: echoRun },
  })}\n`,
);

function ask<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { stats?: T }) => {
      if (!m.stats) return;
      child.off('message', on);
      resolve(m.stats);
    };
    child.on('message', on);
    child.send({ stats: true });
  });
}
