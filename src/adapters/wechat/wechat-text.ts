import type { Reply } from '../../core/reply.js';
import { renderText } from '../../render/text.js';

/** A piece of an outgoing WeChat message: plain text, or an @mention of a directory person. */
export type Piece = { text: string } | { personId: string; name: string };

/**
 * Longest message the bot sends, in characters. WeChat itself takes a few thousand, but
 * some puppets and older clients cut or drop long texts, and a screenful reads better in a
 * group; 1500 stays well clear of every limit we know of.
 */
export const WECHAT_TEXT_LIMIT = 1500;

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000([^\uE001]*)\uE001/g;
/** Room for the `（2/3）` line added to each part of a split reply. */
const PART_LABEL_ROOM = 10;

export interface WechatTextOptions {
  /** Display name of a mentioned person. */
  nameOf(personId: string): string;
  /** Rooms need commands to start with `/` (or @ the bot); one-to-one chats take them bare. */
  inRoom: boolean;
  limit?: number;
}

/** The exact text to type for an action, since personal WeChat has no buttons: `回复「/签收 D-0012」`. */
export function actionHint(command: string, inRoom: boolean, input?: { placeholder: string }): string {
  const what = input ? ` ${input.placeholder.split('，')[0]}` : '';
  return `回复「${inRoom ? '/' : ''}${command}${what}」`;
}

/**
 * Renders a reply as WeChat text (the same `renderText` as the console, with typed commands
 * for actions) and splits it into messages of at most `limit` characters, at line breaks
 * where possible. Each message is a list of pieces so the adapter can turn mentions into
 * real WeChat @mentions.
 */
export function renderWechatMessages(reply: Reply, o: WechatTextOptions): Piece[][] {
  const limit = o.limit ?? WECHAT_TEXT_LIMIT;
  const text = renderText(reply, {
    mentionText: (id) => `${OPEN}${id}${CLOSE}`,
    actionHint: (command, _label, input) => actionHint(command, o.inRoom, input),
  });
  const lines = text.split('\n').map((l) => toPieces(l, o.nameOf));
  const whole = lines.reduce((n, l) => n + lineLength(l), 0) + lines.length - 1;
  if (whole <= limit) return [joinLines(lines)];
  const parts = splitLines(lines, Math.max(20, limit - PART_LABEL_ROOM));
  return parts.map((p, i) => joinLines([...p, [{ text: `（${i + 1}/${parts.length}）` }]]));
}

/** Characters a piece takes on screen: a mention is `@名字` plus the separator after it. */
export function pieceLength(p: Piece): number {
  return 'text' in p ? p.text.length : p.name.length + 2;
}

function lineLength(line: Piece[]): number {
  return line.reduce((n, p) => n + pieceLength(p), 0);
}

function toPieces(line: string, nameOf: (id: string) => string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of line.matchAll(MARK)) {
    if ((m.index ?? 0) > at) out.push({ text: line.slice(at, m.index) });
    out.push({ personId: m[1] ?? '', name: nameOf(m[1] ?? '') });
    at = (m.index ?? 0) + m[0].length;
  }
  if (at < line.length || out.length === 0) out.push({ text: line.slice(at) });
  return out;
}

/** Greedy packing of lines into messages; a line longer than `budget` is cut at punctuation. */
function splitLines(lines: Piece[][], budget: number): Piece[][][] {
  const parts: Piece[][][] = [];
  let current: Piece[][] = [];
  let size = 0;
  const flush = () => {
    while (current.length > 0 && lineLength(current[current.length - 1] ?? []) === 0) current.pop();
    if (current.length > 0) parts.push(current);
    current = [];
    size = 0;
  };
  for (const line of lines) {
    const len = lineLength(line);
    if (len === 0 && current.length === 0) continue;
    if (len > budget) {
      flush();
      const pieces = cutLine(line, budget);
      for (const piece of pieces.slice(0, -1)) parts.push([piece]);
      current = [pieces[pieces.length - 1] ?? []];
      size = lineLength(current[0] ?? []);
      continue;
    }
    if (current.length > 0 && size + 1 + len > budget) flush();
    size += (current.length > 0 ? 1 : 0) + len;
    current.push(line);
  }
  flush();
  return parts;
}

const BREAK_AFTER = /[。；！？，、;!?,\s]/;

/** Cuts one long line into segments of at most `budget`, preferring to end a segment after punctuation. */
function cutLine(line: Piece[], budget: number): Piece[][] {
  const segments: Piece[][] = [];
  let seg: Piece[] = [];
  let room = budget;
  const queue = [...line];
  while (queue.length > 0) {
    const p = queue.shift() as Piece;
    const len = pieceLength(p);
    // A mention is never cut; one longer than a whole message goes out on its own.
    if (len <= room || (seg.length === 0 && !('text' in p))) {
      seg.push(p);
      room -= len;
      continue;
    }
    if ('text' in p && room > 0) {
      const cut = breakPoint(p.text, room);
      seg.push({ text: p.text.slice(0, cut) });
      queue.unshift({ text: p.text.slice(cut) });
    } else {
      queue.unshift(p);
    }
    segments.push(seg);
    seg = [];
    room = budget;
  }
  if (seg.length > 0) segments.push(seg);
  return segments;
}

/** Where to cut `text` to fit `room`: after the last punctuation in the second half of the window, else at `room`. */
function breakPoint(text: string, room: number): number {
  for (let i = Math.min(room, text.length) - 1; i >= Math.floor(room / 2); i--) {
    if (BREAK_AFTER.test(text[i] ?? '')) return i + 1;
  }
  return room;
}

function joinLines(lines: Piece[][]): Piece[] {
  const out: Piece[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ text: '\n' });
    out.push(...line);
  });
  const merged: Piece[] = [];
  for (const p of out) {
    const last = merged[merged.length - 1];
    if (last && 'text' in last && 'text' in p) merged[merged.length - 1] = { text: last.text + p.text };
    else if (!('text' in p) || p.text.length > 0) merged.push(p);
  }
  return merged;
}
