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
    const to = msg.targetKind === 'person' ? `（私信 ${msg.targetId}）` : '';
    const [first, ...rest] = text.split('\n');
    const pad = ' '.repeat(2);
    this.write([`${this.botName}${to}: ${first ?? ''}`, ...rest.map((l) => `${pad}${l}`)].join('\n'));
    return { remoteId: `console-${msg.id}` };
  }
}
