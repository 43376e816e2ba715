/**
 * Memory of a bot on a big ledger, in a process of its own: open the core, answer a tally and
 * a plain-language question, run the daily chase (paged, as at 09:00). Prints JSON: resident memory after opening,
 * after the queries, after the chase, and the maximum.
 */
import { readFileSync } from 'node:fs';
import { createApp } from '../src/app.js';
import { FakeClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { parseDirectory } from '../src/directory/load-directory.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
import { instantAt } from '../src/time/shanghai.js';
import { dailyChase } from '../src/jobs/daily-chase.js';
import { TODAY } from './generate.js';

const [dbFile = '', yamlFile = ''] = process.argv.slice(2);
const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const app = createApp({
  dbFile, directory: parseDirectory(readFileSync(yamlFile, 'utf8'), 'bench'), calendar: loadCalendar(),
  clock: new FakeClock(instantAt(TODAY, '09:00')), logger: createLogger('error'), settings: { botName: '督办助手' },
});
const opened = rss();
for (const text of ['上周各单位情况', '测1单位还有几件逾期？']) {
  await app.bot.handle({ platform: 'console', messageId: `mem-${text}`, chatId: 'bench-group', chatType: 'group', senderAccountId: '省长甲', text, mentions: [], mentionsBot: true });
}
const queried = rss();
// The chase as the bot runs it, in pages, on a morning not chased yet (the main bench chases three before).
const next = process.argv[4] ?? '2026-12-10';
(app.clock as FakeClock).set(instantAt(next, '09:00'));
const occ = app.jobs.occurrence(dailyChase, next);
const run = occ ? await app.jobs.run(dailyChase, occ) : undefined;
if (run?.status !== 'ran') throw new Error(`chase did not run: ${run?.status}`);
const chased = rss();
await app.close();
process.stdout.write(`${JSON.stringify({ openedMb: opened, afterQueriesMb: queried, afterChaseMb: chased, maxMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
