/**
 * Start-up of the whole process, as production starts it: `npm run serve`'s command (read from
 * package.json: the flags and the bundle, dist/bundle/main.js) on Lark in webhook mode against the fake platform (a process of its
 * own), timed from spawning the process to the log line `督办助手已启动`. Beside it, in the same
 * run: a bare `node` (the floor no start can go under), loading the compiled, unbundled module graph alone,
 * the same start with the directory cache empty (the YAML parsed and validated), the unbundled
 * compiled start (`node dist/src/main.js`) and under tsx (`npm start`). Each is the best of `times` starts.
 * Standalone: `npx tsx bench/startup.ts <db> <directory.yaml>`.
 */
import { spawn, spawnSync, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { round } from './measure.js';
import { serveEntry, serveNodeFlags } from '../src/config/heap.js';

export interface StartupResult {
  nodeMs: number;
  importMs: number;
  compiledMs: number;
  compiledColdCacheMs: number;
  unbundledMs: number;
  tsxMs: number;
}

/** Milliseconds from spawning `args` until a stdout line contains `ready` (the process is then stopped). */
function untilReady(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let readyMs: number | undefined;
    const onData = (b: Buffer) => {
      out += b.toString('utf8');
      if (readyMs === undefined && out.includes(ready)) {
        readyMs = performance.now() - t;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // The next start waits for this one's graceful stop: it still holds the ledger's lease.
    child.on('exit', (code) => {
      if (readyMs !== undefined) resolve(readyMs);
      else reject(new Error(`start-up exited (${code}) before it was ready:\n${out.slice(-2000)}`));
    });
  });
}

async function best(times: number, f: () => Promise<number> | number): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < times; i++) min = Math.min(min, await f());
  return round(min);
}

function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
  return performance.now() - t;
}

export async function benchStartup(dbFile: string, yamlFile: string, times = 3): Promise<StartupResult | undefined> {
  if (!existsSync('dist/src/main.js') || !existsSync(serveEntry())) return undefined;
  const platform = fork('bench/lark/platform.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const base = await new Promise<string>((resolve) => platform.once('message', (m: { base: string }) => resolve(m.base)));
  const cache = mkdtempSync(join(tmpdir(), 'duban-directory-cache-'));
  const env = {
    ...process.env,
    DUBAN_DB: dbFile,
    DUBAN_DIRECTORY: yamlFile,
    DUBAN_DIRECTORY_CACHE: cache,
    DUBAN_LOG_LEVEL: 'info' as const,
    LARK_APP_ID: 'cli_0123456789abcdef',
    LARK_APP_SECRET: 'bench-secret',
    LARK_ENCRYPT_KEY: 'bench-encrypt-key',
    LARK_DOMAIN: base,
    LARK_MODE: 'webhook',
    LARK_WEBHOOK_PORT: '0',
  };
  const ready = '督办助手已启动';
  try {
    const nodeMs = await best(times, () => timed(['-e', '']));
    const importMs = await best(times, () => timed(['-e', `await import(${JSON.stringify(pathToFileURL('dist/src/app.js').href)})`, '--input-type=module']));
    const compiled = () => untilReady([...serveNodeFlags(), serveEntry()], env, ready);
    await compiled(); // fills the directory cache
    const compiledMs = await best(times, compiled);
    const compiledColdCacheMs = await best(times, () => {
      rmSync(cache, { recursive: true, force: true });
      return compiled();
    });
    const unbundledMs = await best(times, () => untilReady([...serveNodeFlags(), 'dist/src/main.js'], env, ready));
    const tsxMs = await best(times, () => untilReady(['--import', 'tsx', 'src/main.ts'], env, ready));
    return { nodeMs, importMs, compiledMs, compiledColdCacheMs, unbundledMs, tsxMs };
  } finally {
    platform.disconnect();
    rmSync(cache, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [db = 'data/bench/quick.db', yaml = 'data/bench/quick-directory.yaml'] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(await benchStartup(db, yaml))}\n`);
}
