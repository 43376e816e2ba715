/**
 * Memory of a bot on a big ledger, in a process of its own: open the core, answer a tally and
 * a plain-language question, run the daily chase (paged, as at 09:00). Prints JSON: resident memory after opening,
 * after the queries, after the chase, and the maximum.
 * Compiled (`memoryCompiled` in bench/memory-compiled.ts): a plain-JavaScript copy of this file
 * in dist/bench/ runs on dist/src/ under `node` alone, as `npm run serve` runs the bot.
 */
const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
// The process before the bot's code is loaded (Node and, under tsx, its loader).
const bareMb = rss();
const { readFileSync } = await import('node:fs');
const { createApp } = await import('../src/app.js');
const { FakeClock } = await import('../src/core/clock.js');
const { createLogger } = await import('../src/core/logger.js');
const { parseDirectory } = await import('../src/directory/load-directory.js');
const { loadCalendar } = await import('../src/calendar/load-calendar.js');
const { instantAt } = await import('../src/time/shanghai.js');
const { dailyChase } = await import('../src/jobs/daily-chase.js');
const { applyHeapGrowth } = await import('../src/config/heap.js');
const { readCoreEnv } = await import('../src/config/settings.js');
// As src/main.ts does (DUBAN_HEAP_GROWTH_PERCENT); the Node flags are `npm run serve`'s (bench/memory-compiled.ts).
applyHeapGrowth(readCoreEnv(process.env).DUBAN_HEAP_GROWTH_PERCENT);
// bench/generate.ts's TODAY, written out: the compiled copy of this file imports no TypeScript.
const TODAY = '2026-12-07';
const loadedMb = rss();

const [dbFile = '', yamlFile = ''] = process.argv.slice(2);
const app = createApp({
  dbFile,
  directory: parseDirectory(readFileSync(yamlFile, 'utf8'), 'bench'),
  calendar: loadCalendar(),
  clock: new FakeClock(instantAt(TODAY, '09:00')),
  logger: createLogger('error'),
  settings: { botName: '督办助手' },
});
const opened = rss();
for (const text of ['上周各单位情况', '测1单位还有几件逾期？']) {
  await app.bot.handle({ platform: 'console', messageId: `mem-${text}`, chatId: 'bench-group', chatType: 'group', senderAccountId: '省长甲', text, mentions: [], mentionsBot: true });
}
const queried = rss();
// The chase as the bot runs it, in pages, on a morning not chased yet (the main bench chases three before).
const next = process.argv[4] ?? '2026-12-10';
(app.clock as InstanceType<typeof FakeClock>).set(instantAt(next, '09:00'));
// MEMTRACE=1: sample memory every 50 ms during the chase and print, on stderr, the parts at the resident peak.
let peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const sampler = process.env.MEMTRACE
  ? setInterval(() => {
      const m = process.memoryUsage();
      if (m.rss > peak.rss) peak = m;
    }, 50)
  : undefined;
const occ = app.jobs.occurrence(dailyChase, next);
const run = occ ? await app.jobs.run(dailyChase, occ) : undefined;
if (run?.status !== 'ran') throw new Error(`chase did not run: ${run?.status}`);
const chased = rss();
if (sampler) {
  clearInterval(sampler);
  const mb = (n: number) => Math.round(n / 2 ** 20);
  process.stderr.write(`at the peak: rss ${mb(peak.rss)} MB, heap ${mb(peak.heapUsed)} of ${mb(peak.heapTotal)} MB, external ${mb(peak.external)} MB (array buffers ${mb(peak.arrayBuffers)})\n`);
}
await app.close();
process.stdout.write(`${JSON.stringify({ bareMb, loadedMb, openedMb: opened, afterQueriesMb: queried, afterChaseMb: chased, maxMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
