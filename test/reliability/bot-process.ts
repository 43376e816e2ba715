import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

export interface BotOptions {
  db: string;
  directory: string;
  domain: string;
  env?: Record<string, string>;
  args?: string[];
  /** The entry loaded ahead (default warm-main.ts). */
  entry?: string;
}

/** `npm start` in webhook mode against the fake Lark at `domain`, on a free port; resolves once it listens. */
export function startLarkBot(o: BotOptions): Promise<BotProcess> {
  return prepareLarkBot(o).start();
}

/** A bot process loading its modules (see warm-main.ts): it opens the ledger only when `start` is called. */
export interface WarmBot {
  start(): Promise<BotProcess>;
  /** Ends a bot that was never started. */
  discard(): void;
}

export function prepareLarkBot(o: BotOptions): WarmBot {
  const child = spawn(process.execPath, ['--import', 'tsx', o.entry ?? 'test/reliability/warm-main.ts', ...(o.args ?? [])], {
    env: {
      ...process.env,
      DUBAN_DB: o.db,
      DUBAN_DIRECTORY: o.directory,
      DUBAN_CALENDAR: '',
      WECHATY_PUPPET: '',
      DUBAN_LOG_LEVEL: 'info',
      // One sender gives the whole burst: lift the per-sender throttle, which is not under test here.
      DUBAN_THROTTLE_BURST: '1000',
      DUBAN_THROTTLE_PER_MINUTE: '6000',
      LARK_APP_ID: 'cli_0123456789abcdef',
      LARK_APP_SECRET: 'secret-secret',
      LARK_ENCRYPT_KEY: KEY,
      LARK_DOMAIN: o.domain,
      LARK_MODE: 'webhook',
      LARK_WEBHOOK_PORT: '0',
      // The tests read the log as text lines (`time LEVEL message {context}`).
      DUBAN_LOG_FORMAT: 'text',
      // Node 22 and later keep compiled code between the test's many bot processes (Node 20 ignores it).
      NODE_COMPILE_CACHE: join(tmpdir(), 'duban-test-compile-cache'),
      ...o.env,
    },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    async start() {
      child.stdin?.write('go\n');
      // Started (or gone): told by its own log, no polling.
      await new Promise<void>((resolve) => {
        const check = () => {
          if (log.includes('督办助手已启动')) resolve();
        };
        child.stderr?.on('data', check);
        void exited.then(() => resolve());
        check();
      });
      const port = Number(/lark webhook listening \{"port":(\d+)/.exec(log)?.[1] ?? 0);
      return { child, log: () => log, url: `http://127.0.0.1:${port}/webhook/event`, exited };
    },
    discard() {
      child.kill('SIGKILL');
    },
  };
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
