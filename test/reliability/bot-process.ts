import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEMO_DIRECTORY_PATH } from '../../src/directory/load-directory.js';
import { KEY, ou } from '../adapters/lark/lark-world.js';

/** Writes the demo directory with every person bound to a Lark open_id (`ou_sun_li` …); returns its path. */
export function writeLarkDirectory(dir: string): string {
  const doc = parse(readFileSync(DEMO_DIRECTORY_PATH, 'utf8')) as { people: Array<{ id: string; accounts?: Record<string, string> }> };
  for (const p of doc.people) p.accounts = { ...p.accounts, lark: ou(p.id) };
  const file = join(dir, 'directory.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

export interface BotProcess {
  child: ChildProcess;
  /** Everything it logged so far. */
  log(): string;
  /** The webhook URL once it listens. */
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface BotOptions { db: string; directory: string; domain: string; env?: Record<string, string>; args?: string[] }

/** `npm start` in webhook mode against the fake Lark at `domain`, on a free port; resolves once it listens. */
export async function startLarkBot(o: BotOptions): Promise<BotProcess> {
  return (await prepareLarkBot(o)).start();
}

/**
 * A bot process with its modules loaded that has not started yet (see warm-main.ts): it
 * opens the ledger only when `start` is called.
 */
export async function prepareLarkBot(o: BotOptions): Promise<{ start(): Promise<BotProcess> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/warm-main.ts', ...(o.args ?? [])], {
    env: {
      ...process.env, DUBAN_DB: o.db, DUBAN_DIRECTORY: o.directory, DUBAN_CALENDAR: '', WECHATY_PUPPET: '', DUBAN_LOG_LEVEL: 'info',
      // One sender gives the whole burst: lift the per-sender throttle, which is not under test here.
      DUBAN_THROTTLE_BURST: '1000', DUBAN_THROTTLE_PER_MINUTE: '6000',
      LARK_APP_ID: 'cli_0123456789abcdef', LARK_APP_SECRET: 'secret-secret', LARK_ENCRYPT_KEY: KEY, LARK_DOMAIN: o.domain,
      LARK_MODE: 'webhook', LARK_WEBHOOK_PORT: '0', ...o.env,
    },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  return {
    start: () => {
      child.stdin?.write('go\n');
      return started(child);
    },
  };
}

async function started(child: ChildProcess): Promise<BotProcess> {
  let log = '';
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 1200 && !done && !log.includes('督办助手已启动'); i++) await new Promise((r) => setTimeout(r, 25));
  const port = Number(/lark webhook listening \{"port":(\d+)/.exec(log)?.[1] ?? 0);
  return { child, log: () => log, url: `http://127.0.0.1:${port}/webhook/event`, exited };
}

/** Polls `check` (real time: a separate process is being watched) until true or the time is up. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}
