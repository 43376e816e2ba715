import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { TODAY } from './generate.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { sqliteOf } from '../test/support/raw-sql.js';

/**
 * Profiling aid on the quick ledger: `N=20000 CMD=查询 node --cpu-prof --import tsx bench/profile-commands.ts`,
 * or `PROFILE=out.cpuprofile` to profile only the timed commands (not the 交办 that prepare them).
 */
const app = createApp({
  dbFile: 'data/bench/quick.db',
  directory: parseDirectory(readFileSync('data/bench/quick-directory.yaml', 'utf8'), 'q'),
  calendar: loadCalendar(),
  clock: new FakeClock(instantAt(TODAY, '09:00')),
  logger: createLogger('error'),
  settings: { botName: '督办助手' },
});
const N = Number(process.env.N ?? 3000);
const cmd = process.env.CMD ?? '交办';
let seq = 0;
const say = (who: string, text: string) =>
  app.bot.handle({ platform: 'console', messageId: `p-${Date.now()}-${++seq}`, chatId: 'bench-group', chatType: 'group', senderAccountId: who, text, mentions: [], mentionsBot: true });
// Tasks for unit 1, whose first handler (经办1x1) is responsible for them.
const first = (sqliteOf(app).prepare("SELECT value FROM counters WHERE name = 'task'").get() as { value: number }).value + 1;
if (cmd !== '交办') for (let i = 0; i < N; i++) await say('秘书长乙', `交办 测1单位 基准命令事项${i} 12月31日`);
const session = process.env.PROFILE ? new Session() : undefined;
const post = (method: string) => new Promise<unknown>((ok, fail) => session?.post(method, (e, r) => (e ? fail(e) : ok(r))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
const t = performance.now();
for (let i = 0; i < N; i++) {
  const code = `D-${first + i}`;
  if (cmd === '交办') await say('秘书长乙', `交办 测1单位 基准命令事项${i} 12月31日`);
  else if (cmd === '查询') await say('秘书长乙', `查询 ${code}`);
  else if (cmd === '签收') await say('经办1x1', `签收 ${code}`);
  else await say('经办1x1', `进展 ${code} 50% 进展`);
}
process.stdout.write(`${cmd}: ${((performance.now() - t) / N).toFixed(3)} ms per command\n`);
if (session && process.env.PROFILE) writeFileSync(process.env.PROFILE, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
await app.close();
