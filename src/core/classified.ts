import { foldForGuard } from './fold-text.js';
import type { InboundMessage } from './inbound.js';

/**
 * The work group carries non-classified matters only (琼府〔2018〕45号 第七条). A message that
 * carries a classification mark is refused and nothing of it is kept.
 */
const MARKS = ['绝密', '机密', '秘密'] as const;

export type ClassificationMark = (typeof MARKS)[number];

/**
 * The classification mark in the text, if any, in whatever form it is written: traditional or
 * variant characters (機密, 絕密, 祕密), full-width or compatibility forms, split by spaces,
 * punctuation, brackets or invisible characters (机 密, 【秘・密】, 机\u2060密). Words that
 * merely contain the two characters (商业秘密, 手机密码) are refused too: the guard errs on the
 * safe side.
 */
export function findClassificationMark(text: string): ClassificationMark | undefined {
  const folded = foldForGuard(text);
  return MARKS.find((m) => folded.includes(m));
}

/**
 * Every text a message carries: the text itself, the parts an adapter read beside it (a post's
 * title, code blocks, card form values), the names of the people it mentions, the sender's
 * shown name and the chat's title.
 */
export function messageTexts(msg: Pick<InboundMessage, 'text' | 'otherTexts' | 'mentions' | 'senderName' | 'chatTitle'>): string[] {
  return [msg.text, ...(msg.otherTexts ?? []), ...msg.mentions.map((m) => m.name), msg.senderName ?? '', msg.chatTitle ?? ''];
}

/** The mark in any text of the message; checked before anything of the message is written. */
export function classifiedMarkIn(msg: Pick<InboundMessage, 'text' | 'otherTexts' | 'mentions' | 'senderName' | 'chatTitle'>): ClassificationMark | undefined {
  for (const part of messageTexts(msg)) {
    const mark = findClassificationMark(part);
    if (mark) return mark;
  }
  return undefined;
}

export function classifiedRefusal(mark: ClassificationMark): string {
  return `消息含密级标识「${mark}」，未予处理和记录。本群为非涉密事项工作群，涉密事项请通过涉密渠道办理。`;
}
