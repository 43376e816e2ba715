/**
 * A bot process for the crash test: it reads messages (`id<TAB>speaker<TAB>text`) from a
 * file, hands each to the front door, and delivers the outbox to a fake platform that appends
 * each accepted message to a delivery log, keyed by the idempotency id a real platform
 * dedupes on (Lark's `uuid`). It prints `ANSWERED <id>` once a message's replies are delivered.
 * Started again after a kill -9, it re-reads every message from the start, as a platform
 * redelivers what it had no acknowledgement for.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { createApp } from '../../src/app.js';
import { systemClock } from '../../src/core/clock.js';
import { createLogger } from '../../src/core/logger.js';
import { loadDirectory } from '../../src/directory/load-directory.js';
import { loadCalendar } from '../../src/calendar/load-calendar.js';

const [dbFile, inputFile, deliveryFile] = process.argv.slice(2);
if (!dbFile || !inputFile || !deliveryFile) throw new Error('usage: crash-bot <db> <input> <delivery-log>');
const app = createApp({
  dbFile,
  directory: loadDirectory(),
  calendar: loadCalendar(),
  clock: systemClock,
  logger: createLogger('error'),
  settings: { botName: '督办助手' },
  dispatcher: { baseBackoffMs: 10, maxBackoffMs: 50 },
});
app.dispatcher.register({
  platform: 'console',
  async send(m) {
    appendFileSync(deliveryFile, `${JSON.stringify({ uuid: `duban-${m.id}`, origin: m.origin, title: m.reply.title })}\n`);
    return { remoteId: `r-${m.id}` };
  },
});
await app.dispatcher.kick(); // replies owed from before a crash
for (const line of readFileSync(inputFile, 'utf8').split('\n').filter(Boolean)) {
  const [id = '', speaker = '', text = ''] = line.split('\t');
  await app.bot.handle({ platform: 'console', messageId: id, chatId: 'crash-group', chatType: 'group', senderAccountId: speaker, text, mentions: [], mentionsBot: true });
  await app.dispatcher.kick();
  process.stdout.write(`ANSWERED ${id}\n`);
}
process.stdout.write('DONE\n');
await app.close();
