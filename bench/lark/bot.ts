/**
 * The bot in a process of its own, as `npm run serve` runs it on Lark in webhook mode: the
 * core on a copy of the benchmark's ledger, the bench directory with every person bound to a
 * Lark open_id (`ou_<person id>`), the real LarkAdapter and outbox dispatcher. The clock runs
 * in real time from the benchmark's "today" at 09:00. Lark's per-chat limit (5/s) holds; the
 * app-wide 50/s is lifted (it would bound the echo bot alike). Tells its port over IPC.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createApp } from '../../src/app.js';
import type { Clock } from '../../src/core/clock.js';
import { createLogger } from '../../src/core/logger.js';
import { Directory } from '../../src/directory/directory.js';
import { directoryFileSchema } from '../../src/directory/schema.js';
import { loadCalendar } from '../../src/calendar/load-calendar.js';
import { LarkAdapter } from '../../src/adapters/lark/lark-adapter.js';
import { acceptFor } from '../../src/run-platforms.js';
import { instantAt } from '../../src/time/shanghai.js';
import { TODAY } from '../generate.js';
import { larkId } from './events.js';
import { answerStats } from './stats.js';

const [dbFile = '', yamlFile = '', base = '', key = ''] = process.argv.slice(2);
const doc = directoryFileSchema.parse(parse(readFileSync(yamlFile, 'utf8')));
for (const p of doc.people) p.accounts = { ...p.accounts, lark: larkId(p.id) };
const startedAt = Date.now();
const from = instantAt(TODAY, '09:00').getTime();
const clock: Clock = { now: () => new Date(from + (Date.now() - startedAt)) };
// STATS=1: counts the statements and transactions of the run, printed on stderr at the end.
const counts = new Map<string, number>();
const count = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const app = createApp({
  dbFile,
  statementObserver: process.env.STATS ? (_r, sql) => count(sql.replace(/\s+/g, ' ').slice(0, 90)) : undefined,
  directory: new Directory(doc),
  calendar: loadCalendar(),
  clock,
  logger: createLogger('error'),
  settings: { botName: '督办助手' },
});
const adapter = new LarkAdapter(
  { appId: 'cli_0123456789abcdef', appSecret: 'bench-secret', encryptKey: key, domain: base, mode: 'webhook', webhookPort: 0, webhookPath: '/webhook/event', wsPingTimeoutSec: 15 },
  app.core,
  undefined,
  { perTarget: 5, perApp: Infinity },
);
app.dispatcher.register(adapter);
if (process.env.STATS) {
  const tx = app.storage.transaction.bind(app.storage);
  app.storage.transaction = (fn) => {
    count(
      `TRANSACTION ${
        (new Error().stack ?? '')
          .split('\n')[2]
          ?.trim()
          .replace(/\(.*\/work\/main\//, '(') ?? ''
      }`,
    );
    return tx(fn);
  };
}
await adapter.start(acceptFor(app, adapter));
app.dispatcher.start();
process.send?.({ url: `http://127.0.0.1:${adapter.port}/webhook/event` });
answerStats();
process.on(
  'disconnect',
  () =>
    void (async () => {
      await adapter.stop();
      if (process.env.STATS) for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stderr.write(`${String(n).padStart(7)} ${k}\n`);
      await app.close();
      process.exit(0);
    })(),
);
