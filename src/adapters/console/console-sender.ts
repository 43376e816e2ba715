import type { Directory } from '../../directory/directory.js';
import type { OutgoingMessage, SendResult, Sender } from '../../outbox/outgoing.js';
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
