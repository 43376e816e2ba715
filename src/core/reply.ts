/**
 * The platform-neutral reply. Commands and jobs return these; each adapter renders them
 * (Lark: an interactive card; WeChat and console: text).
 */
export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface ReplyField {
  label: string;
  value: string;
}

export interface ReplyAction {
  /** Button text, e.g. 签收. */
  label: string;
  /** The exact command a press runs (and that text-only platforms ask the user to type). */
  command: string;
  style?: 'primary' | 'default' | 'danger';
  /** The people the button is meant for; the command still checks permissions itself. */
  forPersonIds?: string[];
  /** When the command needs free text (进展, 办结): the form field's prompt. */
  input?: { placeholder: string; required: boolean };
}

/** A chart a platform can draw natively (Lark: the card's chart component); others send it as a picture. */
export interface ReplyChart {
  kind: 'bar' | 'line';
  title: string;
  /** Category labels: units for bars, weeks for lines. */
  labels: string[];
  series: Array<{ name: string; values: number[]; colour: string }>;
}

export interface Reply {
  tone: Tone;
  title: string;
  /** People to notify with an @mention (person ids). */
  mentions?: string[];
  fields?: ReplyField[];
  /** Item-style lines (条目). May contain mention tokens. */
  lines?: string[];
  actions?: ReplyAction[];
  note?: string;
  /** The 三色 of the task the reply shows (Lark colours the card header with it); absent: by tone. */
  colour?: 'red' | 'yellow' | 'green' | 'blue';
  charts?: ReplyChart[];
  /** What the reply is about, so a platform can update it in place later. */
  ref?: { kind: 'task'; code: string };
}

const TOKEN = /\{\{@([A-Za-z0-9_.-]+)\}\}/g;

/** A token inside reply text that each renderer turns into a real @mention. */
export function mention(personId: string): string {
  return `{{@${personId}}}`;
}

/** Replaces mention tokens using `render(personId)`. */
export function replaceMentions(text: string, render: (personId: string) => string): string {
  return text.replace(TOKEN, (_, id: string) => render(id));
}

/**
 * The `mentions` that do not already appear as a token in the title, fields, lines or note:
 * renderers put these in front, since the others are @-ed where they stand.
 */
export function extraMentions(reply: Reply): string[] {
  const inline = new Set<string>();
  const scan = (s: string | undefined) => {
    if (!s) return;
    for (const m of s.matchAll(TOKEN)) if (m[1]) inline.add(m[1]);
  };
  scan(reply.title);
  scan(reply.note);
  reply.lines?.forEach(scan);
  reply.fields?.forEach((f) => scan(f.value));
  return [...new Set(reply.mentions ?? [])].filter((id) => !inline.has(id));
}

/** Person ids mentioned by token anywhere in the reply, plus `mentions`, without repeats. */
export function mentionedPeople(reply: Reply): string[] {
  const ids = new Set(reply.mentions ?? []);
  const scan = (s: string | undefined) => {
    if (!s) return;
    for (const m of s.matchAll(TOKEN)) if (m[1]) ids.add(m[1]);
  };
  scan(reply.title);
  scan(reply.note);
  reply.lines?.forEach(scan);
  reply.fields?.forEach((f) => scan(f.value));
  return [...ids];
}
