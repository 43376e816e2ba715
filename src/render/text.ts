import type { Reply } from '../core/reply.js';
import { extraMentions, replaceMentions } from '../core/reply.js';

export interface TextRenderOptions {
  /** How a mentioned person is written, e.g. `@王芳`. */
  mentionText(personId: string): string;
  /** How an action is offered on a platform without buttons. */
  actionHint?(command: string, label: string, input?: { placeholder: string }): string;
}

const defaultHint = (command: string, _label: string, input?: { placeholder: string }) => (input ? `回复「${command} ${input.placeholder.split('，')[0]}」` : `回复「${command}」`);

/**
 * Plain-text rendering shared by the console and WeChat: title, @mentions, `标签：值` rows,
 * item lines, a note, then the exact commands to type for each action.
 */
export function renderText(reply: Reply, opts: TextRenderOptions): string {
  const m = (s: string) => replaceMentions(s, opts.mentionText);
  const out: string[] = [m(reply.title)];
  const extra = extraMentions(reply);
  if (extra.length > 0) out.push(extra.map(opts.mentionText).join(' '));
  for (const f of reply.fields ?? []) {
    const [first, ...rest] = m(f.value).split('\n');
    out.push(`${f.label}：${first ?? ''}`);
    for (const r of rest) out.push(`${' '.repeat(f.label.length * 2 + 2)}${r}`);
  }
  for (const line of reply.lines ?? []) out.push(m(line));
  if (reply.note) out.push(m(reply.note));
  const hint = opts.actionHint ?? defaultHint;
  const actions = reply.actions ?? [];
  if (actions.length > 0) out.push(actions.map((a) => hint(a.command, a.label, a.input)).join('；'));
  return out.join('\n');
}
