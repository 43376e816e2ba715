import { randomUUID } from 'node:crypto';
import type { CorePort } from '../../core/ports.js';
import type { InboundMessage } from '../../core/inbound.js';
import { instantAt, weekdayName } from '../../time/shanghai.js';
import { FakeClock } from '../../core/clock.js';

export const CONSOLE_CHAT_ID = 'console-group';

/** Called when a transcript moves the simulated clock; scheduled jobs hook in here. */
export type ClockMoved = (from: Date, to: Date) => Promise<void>;

export interface ConsoleSessionOptions {
  core: CorePort;
  write: (text: string) => void;
  /** Present when the clock is simulated (transcripts, `--start`). */
  fakeClock?: FakeClock;
  onClockMoved?: ClockMoved;
  /** Simulated time: called once at the session's starting time, before the first message (catch-up). */
  onStart?: (now: Date) => Promise<void>;
}

/** A line of a transcript or of interactive input, understood. */
export type ConsoleLine = { kind: 'blank' } | { kind: 'clock'; at: Date; text: string } | { kind: 'message'; speaker?: string; text: string } | { kind: 'bad-clock'; text: string };

/** `>> 2026-12-08 09:00`, `王芳: 签收 D-0001`, `# comment`. */
export function parseConsoleLine(line: string): ConsoleLine {
  const t = line.trim();
  if (t.length === 0 || t.startsWith('#')) return { kind: 'blank' };
  if (t.startsWith('>>')) {
    const m = /^>>\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}))?\s*$/.exec(t);
    if (!m) return { kind: 'bad-clock', text: t };
    const time = (m[2] ?? '09:00').padStart(5, '0');
    return { kind: 'clock', at: instantAt(m[1] ?? '', time), text: `${m[1]} ${time}` };
  }
  const m = /^([^:：\s@＠/／>#]{1,20})\s*[:：]\s*(.*)$/s.exec(t);
  if (m && !/^(牵头|配合|协办|截止|时限|期限|来源|事项|标题)/.test(m[1] ?? '')) return { kind: 'message', speaker: m[1], text: m[2] ?? '' };
  return { kind: 'message', text: t };
}

/**
 * The console group chat: lines typed (or replayed) by directory people go through the
 * same front door as Lark and WeChat messages; replies are printed as they are sent.
 */
export class ConsoleSession {
  private speaker: string | undefined;
  /** Until the first message, a transcript may set the clock to any time (its starting point). */
  private started = false;

  constructor(private readonly o: ConsoleSessionOptions) {}

  get currentSpeaker(): string | undefined {
    return this.speaker;
  }

  setSpeaker(name: string): boolean {
    if (!this.o.core.directory.findPerson(name)) return false;
    this.speaker = this.o.core.directory.findPerson(name)?.name;
    return true;
  }

  /** Handles one line; resolves once the bot's replies to it are printed. */
  async feed(raw: string, echo: boolean): Promise<void> {
    const line = parseConsoleLine(raw);
    if (line.kind === 'blank') return;
    if (line.kind === 'bad-clock') {
      this.o.write(`（无法识别的时间行「${line.text}」，应写成 >> 2026-12-08 09:00）`);
      return;
    }
    if (line.kind === 'clock') {
      await this.moveClock(line.at, line.text, echo);
      return;
    }
    const speakerName = line.speaker ?? this.speaker;
    if (!speakerName) {
      this.o.write('（请用「姓名: 消息」的格式说明是谁在发言，如「孙丽: 帮助」）');
      return;
    }
    if (line.speaker && !this.setSpeaker(line.speaker) && echo) {
      // An unknown speaker still reaches the bot, which answers that they are not registered.
      this.speaker = line.speaker;
    }
    if (!this.started && this.o.fakeClock) {
      await this.o.onStart?.(this.o.fakeClock.now());
      await this.o.core.deliver();
    }
    if (echo) this.o.write(`${speakerName}: ${line.text}`);
    this.started = true;
    await (await this.o.core.accept(this.toInbound(speakerName, line.text))).result;
    await this.o.core.deliver();
  }

  private async moveClock(at: Date, text: string, echo: boolean): Promise<void> {
    const clock = this.o.fakeClock;
    if (!clock) {
      this.o.write('（实时模式下不能调整时间；用 --start 启动模拟时钟）');
      return;
    }
    const from = clock.now();
    if (this.started && at.getTime() < from.getTime()) {
      this.o.write(`（时间只能向后调整，当前已是 ${text} 之后）`);
      return;
    }
    if (echo) this.o.write(`>> ${text}（${weekdayName(text.slice(0, 10))}）`);
    clock.set(at);
    if (this.started) await this.o.onClockMoved?.(from, at);
    await this.o.core.deliver();
  }

  private toInbound(speaker: string, text: string): InboundMessage {
    return {
      platform: 'console',
      messageId: `console-${randomUUID()}`,
      chatId: CONSOLE_CHAT_ID,
      chatType: 'group',
      chatTitle: this.o.core.directory.name,
      senderAccountId: speaker,
      senderName: speaker,
      text: splitGluedMentions(
        text,
        this.o.core.directory.allPeople().map((p) => p.name),
      ),
      mentions: extractMentions(
        text,
        this.o.core.directory.allPeople().map((p) => p.name),
      ),
      mentionsBot: true,
    };
  }
}

/** `@王芳整理清单` → `@王芳 整理清单` when 王芳 is a known name. */
export function splitGluedMentions(text: string, names: string[]): string {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  return text.replace(/[@＠]([^\s@＠,，、;；:：。]+)/g, (whole, token: string) => {
    const name = sorted.find((n) => token.startsWith(n));
    return name && name !== token ? `@${name} ${token.slice(name.length)}` : whole;
  });
}

/** Console @mentions: the account id is the display name. */
export function extractMentions(text: string, names: string[]): InboundMessage['mentions'] {
  const out: InboundMessage['mentions'] = [];
  for (const m of splitGluedMentions(text, names).matchAll(/[@＠]([^\s@＠,，、;；:：。]+)/g)) {
    const name = m[1] ?? '';
    if (names.includes(name) && !out.some((x) => x.name === name)) out.push({ name, accountId: name });
  }
  return out;
}
