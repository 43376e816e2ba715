import { readFileSync } from 'node:fs';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
const counts = new Map<string, number>();
const app = createApp({ dbFile: 'data/bench/dev.db', directory: parseDirectory(readFileSync('data/bench/dev-directory.yaml', 'utf8'), 'dev'), calendar: loadCalendar(), clock: new FakeClock(instantAt('2026-12-09', '10:00')), logger: createLogger('error'), settings: { botName: '督办助手' },
  statementObserver: (_r, sql) => { const k = sql.replace(/\s+/g, ' ').slice(0, 200); counts.set(k, (counts.get(k) ?? 0) + 1); } });
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await app.bot.handle({ platform: 'console', messageId: `q-${i}-${Math.random()}`, chatId: 'bench-group', chatType: 'group', senderAccountId: '省长甲', text: process.argv[2] ?? '上周各单位情况', mentions: [], mentionsBot: true });
  console.log(Math.round(performance.now() - t), 'ms', JSON.stringify(r).slice(0, 200));
}
for (const [k, v] of counts) console.log(v, k);
await app.close();
