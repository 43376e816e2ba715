import { createInterface } from 'node:readline';
import type { App } from './app.js';
import type { FakeClock } from './core/clock.js';
import { ConsoleSender } from './adapters/console/console-sender.js';
import { ConsoleSession, type ClockMoved } from './adapters/console/console-session.js';
import { formatShortDateTime } from './time/shanghai.js';

export interface RunConsoleOptions {
  app: App;
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  interactive: boolean;
  fakeClock?: FakeClock;
  onClockMoved?: ClockMoved;
  onStart?: (now: Date) => Promise<void>;
  initialSpeaker?: string;
  dbFile: string;
}

/**
 * Runs the console group chat. Interactive: a prompt that shows who is speaking; `:as 姓名`
 * switches speaker. Otherwise: replays a transcript line by line and returns at its end.
 */
export async function runConsole(o: RunConsoleOptions): Promise<void> {
  o.app.dispatcher.register(new ConsoleSender(o.app.directory, o.app.settings.botName, o.write));
  const session = new ConsoleSession({ core: o.app.core, write: o.write, fakeClock: o.fakeClock, onClockMoved: o.onClockMoved, onStart: o.onStart });
  const rl = createInterface({ input: o.input, terminal: o.interactive });

  if (!o.interactive) {
    for await (const line of rl) await session.feed(line, true);
    const { tasks, records } = await o.app.core.ledgerCounts();
    o.write(`\n（回放结束：数据库 ${o.dbFile} 现有督办事项 ${tasks} 件、办理记录 ${records} 条）`);
    return;
  }

  session.setSpeaker(o.initialSpeaker ?? o.app.directory.withRole('督查室')[0]?.name ?? '');
  o.write(`${o.app.directory.name}（控制台模拟群聊）。当前时间 ${formatShortDateTime(o.app.clock.now())}。`);
  o.write('输入「帮助」查看命令；「:as 姓名」切换发言人，「:people」列出人员，「:quit」退出。也可直接写「姓名: 消息」。');
  const prompt = () => {
    rl.setPrompt(`${session.currentSpeaker ?? '?'}> `);
    rl.prompt();
  };
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === ':quit' || line === ':q' || line === ':退出') break;
    if (line.startsWith(':as ') || line.startsWith(':我是 ')) {
      const name = line.replace(/^:(as|我是)\s+/, '').trim();
      if (!session.setSpeaker(name)) o.write(`（通讯录中没有「${name}」，可用 :people 查看）`);
    } else if (line === ':people' || line === ':人员') {
      for (const p of o.app.directory.allPeople()) o.write(`  ${p.name}　${p.title}（${p.roles.join('、')}）`);
    } else {
      await session.feed(line, false);
    }
    prompt();
  }
  rl.close();
}
