import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { FakeClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/logger.js';
import type { HandleResult, InboundMessage } from '../../src/core/inbound.js';
import { loadDirectory } from '../../src/directory/load-directory.js';
import type { Directory } from '../../src/directory/directory.js';
import { loadCalendar } from '../../src/calendar/load-calendar.js';
import type { OutgoingMessage } from '../../src/outbox/outgoing.js';
import { renderText } from '../../src/render/text.js';
import type { CommandDefinition, CoreSettings } from '../../src/core/command.js';
import { instantAt } from '../../src/time/shanghai.js';
import type { JobDefinition } from '../../src/jobs/job.js';
import { extractMentions, splitGluedMentions } from '../../src/adapters/console/console-session.js';

export interface Said {
  result: HandleResult;
  /** Everything the bot sent because of this message, rendered as console text. */
  text: string;
  messages: OutgoingMessage[];
}

export interface Harness {
  app: App;
  clock: FakeClock;
  directory: Directory;
  sent: OutgoingMessage[];
  logs: string[];
  /** A directory person says `text` in the test group (addressed to the bot). */
  say(name: string, text: string, opts?: { messageId?: string; chatId?: string; mentionsBot?: boolean }): Promise<Said>;
  /** Moves the fake clock to a Shanghai wall-clock time, without running scheduled jobs. */
  at(date: string, time?: string): void;
  /** Moves the clock to `date time`, running every job that falls due on the way (as a transcript's `>>` does); returns what was sent. */
  until(date: string, time?: string): Promise<OutgoingMessage[]>;
  render(m: OutgoingMessage): string;
  close(): Promise<void>;
}

let seq = 0;

/** A bot on an in-memory SQLite with real migrations, the demo directory and a fake clock at 2026-12-07 09:00 (a Monday). */
export async function makeHarness(
  o: {
    directory?: Directory;
    dbFile?: string;
    start?: [string, string];
    commands?: readonly CommandDefinition[];
    random?: () => number;
    jobs?: readonly JobDefinition[];
    settings?: Partial<CoreSettings>;
  } = {},
): Promise<Harness> {
  const clock = new FakeClock(instantAt(...(o.start ?? ['2026-12-07', '09:00'])));
  const directory = o.directory ?? loadDirectory();
  const logger = memoryLogger();
  const app = createApp({
    dbFile: o.dbFile ?? ':memory:',
    directory,
    calendar: loadCalendar(),
    clock,
    logger,
    // Exports land in the system's temporary folder unless a test names its own.
    settings: { botName: '督办助手', exportDir: join(tmpdir(), 'duban-test-exports'), ...o.settings },
    commands: o.commands,
    jobs: o.jobs,
    // Deterministic sampling: only the guaranteed share is drawn unless a test says otherwise.
    random: o.random ?? (() => 0.99),
  });
  const sent: OutgoingMessage[] = [];
  app.dispatcher.register({
    platform: 'console',
    async send(m) {
      sent.push(m);
      return { remoteId: `r-${m.id}` };
    },
  });
  const render = (m: OutgoingMessage) => renderText(m.reply, { mentionText: (id) => `@${directory.personName(id)}` });
  const names = directory.allPeople().map((p) => p.name);
  return {
    app,
    clock,
    directory,
    sent,
    logs: logger.lines,
    render,
    at(date, time = '09:00') {
      clock.set(instantAt(date, time));
    },
    async until(date, time = '09:30') {
      const before = sent.length;
      await app.scheduler.runBetween(clock.now(), instantAt(date, time), clock);
      await app.dispatcher.kick();
      return sent.slice(before);
    },
    async say(name, text, opts = {}) {
      const before = sent.length;
      const msg: InboundMessage = {
        platform: 'console',
        messageId: opts.messageId ?? `m-${++seq}`,
        chatId: opts.chatId ?? 'group-1',
        chatType: 'group',
        senderAccountId: name,
        senderName: name,
        text: splitGluedMentions(text, names),
        mentions: extractMentions(text, names),
        mentionsBot: opts.mentionsBot ?? true,
      };
      // Through the inbox, as every adapter hands messages in.
      const result = await (await app.inbox.accept(msg)).result;
      await app.dispatcher.kick();
      const messages = sent.slice(before);
      return { result, messages, text: messages.map(render).join('\n---\n') };
    },
    close: () => app.close(),
  };
}
