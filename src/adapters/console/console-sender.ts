import type { Directory } from '../../directory/directory.js';
import type { OutgoingMessage, SendResult, Sender } from '../../outbox/outgoing.js';
import { relative, isAbsolute } from 'node:path';
import { renderText } from '../../render/text.js';

/** Prints the bot's replies as `督办助手: …`, continuation lines indented. */
export class ConsoleSender implements Sender {
  readonly platform = 'console';

  constructor(
    private readonly directory: Directory,
    private readonly botName: string,
    private readonly write: (text: string) => void,
  ) {}

  async send(msg: OutgoingMessage): Promise<SendResult> {
    if (msg.file) {
      // A stable line: `督办助手: 文件 <path>（<size>）`, the path relative to the working folder when inside it.
      const rel = relative(process.cwd(), msg.file.path);
      const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : msg.file.path;
      this.write(`${this.botName}: 文件 ${shown}（${fileSize(msg.file.bytes)}）`);
      return { remoteId: `console-${msg.id}` };
    }
    const text = renderText(msg.reply, { mentionText: (id) => `@${msg.people[id]?.name ?? this.directory.personName(id)}` });
    // Scheduled messages carry the moment they were made: a transcript shows when each job ran.
    const when = msg.origin.startsWith('job:') ? `（定时 ${msg.createdAt.slice(5, 10)} ${msg.createdAt.slice(11, 16)}）` : '';
    const to = msg.targetKind === 'person' ? `（私信 ${msg.targetId}）` : when;
    const [first, ...rest] = text.split('\n');
    const pad = ' '.repeat(2);
    this.write([`${this.botName}${to}: ${first ?? ''}`, ...rest.map((l) => `${pad}${l}`)].join('\n'));
    return { remoteId: `console-${msg.id}` };
  }
}

/** `860 B`, `12.3 KB`, `4.5 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
