import type { Reply, Tone } from '../../core/reply.js';
import { extraMentions, replaceMentions } from '../../core/reply.js';
import { summarizeReply } from '../../render/summarize-reply.js';
import { chartElement } from './lark-chart.js';

/** Display names and Lark open_ids of the people a reply mentions. */
export type LarkPeople = Record<string, { name: string; account?: string }>;

export type LarkBody = { msgType: 'interactive' | 'text'; content: string };

const TEMPLATE: Record<Tone, string> = { info: 'blue', success: 'green', warning: 'orange', error: 'red' };
// A reply's 三色 (red, yellow, green, blue) names a Lark header template of the same name.

/** The value a card button carries: the exact command it runs. */
export interface ButtonValue {
  command: string;
}

function atMarkdown(id: string, people: LarkPeople): string {
  const p = people[id];
  return p?.account ? `<at id=${p.account}></at>` : `@${p?.name ?? id}`;
}

function atText(id: string, people: LarkPeople): string {
  const p = people[id];
  return p?.account ? `<at user_id="${p.account}">${p.name}</at>` : `@${p?.name ?? id}`;
}

/** User text must not open tags in Lark markdown (<at>, <font>): angle brackets become full-width. */
function md(text: string): string {
  return text.replace(/</g, '＜').replace(/>/g, '＞');
}

/** A plain one-line answer is sent as text; anything with structure or actions becomes a card. */
export function wantsCard(reply: Reply): boolean {
  return Boolean(reply.fields?.length || reply.actions?.length || reply.charts?.length || (reply.lines?.length ?? 0) > 1);
}

/** Lark refuses cards over 30 KB; a card is kept under this, with room to spare. */
export const CARD_LIMIT_BYTES = 28 * 1024;

/** Renders the platform-neutral reply for Lark: an interactive card (schema 2.0), or text. */
export function renderLark(reply: Reply, people: LarkPeople): LarkBody {
  if (!wantsCard(reply)) return { msgType: 'text', content: JSON.stringify({ text: textOf(reply, people) }) };
  return { msgType: 'interactive', content: JSON.stringify(fittedCard(reply, people)) };
}

/**
 * The card for a reply, fitted to Lark's size limit: charts go first (an extra, saying so),
 * then beyond 20 units (then 5) the rest is counted, with a pointer to `查询` (a 交办 naming 500 units).
 */
export function fittedCard(reply: Reply, people: LarkPeople): Record<string, unknown> {
  let card = cardOf(reply, people);
  let fitted = reply;
  if (reply.charts?.length && Buffer.byteLength(JSON.stringify(card)) > CARD_LIMIT_BYTES) {
    fitted = { ...reply, charts: undefined, note: [reply.note, '图表数据超出卡片大小限制，未在卡片中显示。'].filter(Boolean).join(' ') };
    card = cardOf(fitted, people);
  }
  for (const keep of [20, 5]) {
    if (Buffer.byteLength(JSON.stringify(card)) <= CARD_LIMIT_BYTES) break;
    card = cardOf(summarizeReply(fitted, keep), people);
  }
  return card;
}

export function textOf(reply: Reply, people: LarkPeople): string {
  const m = (s: string) => replaceMentions(s, (id) => atText(id, people));
  const extra = extraMentions(reply).map((id) => atText(id, people));
  return [[...extra, m(reply.title)].join(' '), ...(reply.lines ?? []).map(m), ...(reply.note ? [m(reply.note)] : [])].join('\n');
}

/** The card for a reply: title, @mentions, fields, item lines, note, then buttons and forms. */
export function cardOf(reply: Reply, people: LarkPeople): Record<string, unknown> {
  const m = (s: string) => replaceMentions(md(s), (id) => atMarkdown(id, people));
  const elements: Array<Record<string, unknown>> = [];
  const extra = extraMentions(reply);
  if (extra.length > 0) elements.push({ tag: 'markdown', content: extra.map((id) => atMarkdown(id, people)).join(' ') });
  if (reply.fields?.length) {
    elements.push({ tag: 'markdown', content: reply.fields.map((f) => `**${md(f.label)}**：${m(f.value).replace(/\n/g, '\n　　')}`).join('\n') });
  }
  if (reply.lines?.length) elements.push({ tag: 'markdown', content: reply.lines.map(m).join('\n') });
  for (const chart of reply.charts ?? []) elements.push(chartElement(chart));
  if (reply.note) elements.push({ tag: 'markdown', content: `<font color='grey'>${m(reply.note)}</font>` });
  (reply.actions ?? []).forEach((a, i) => {
    const value: ButtonValue = { command: a.command };
    const button = {
      tag: 'button',
      text: { tag: 'plain_text', content: a.label },
      type: a.style === 'primary' ? 'primary_filled' : a.style === 'danger' ? 'danger' : 'default',
      behaviors: [{ type: 'callback', value }],
    };
    if (!a.input) {
      elements.push(button);
      return;
    }
    // A form: the text the user types is appended to the command when the button submits it.
    elements.push({
      tag: 'form',
      name: `form_${i}`,
      elements: [
        { tag: 'input', name: 'text', required: a.input.required, placeholder: { tag: 'plain_text', content: a.input.placeholder } },
        { ...button, name: `submit_${i}`, form_action_type: 'submit' },
      ],
    });
  });
  return {
    schema: '2.0',
    config: { update_multi: true },
    header: { title: { tag: 'plain_text', content: replaceMentions(reply.title, (id) => `@${people[id]?.name ?? id}`) }, template: reply.colour ?? TEMPLATE[reply.tone] },
    body: { elements },
  };
}
