import type { InboundMessage } from './inbound.js';

/**
 * Text normalization at the edge of the core: what is kept (`cleanText`) and what the 涉密
 * guard compares (`foldForGuard`).
 */

/** Variation selectors (emoji presentation) are the only default-ignorable characters kept. */
const IGNORABLE = /(?![\ufe00-\ufe0f])[\p{Default_Ignorable_Code_Point}]/gu;
/** C0/C1 controls except tab and line feed; line and paragraph separators. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Three or more combining marks in a row: stacked marks ("zalgo") that bury the lines around them. */
const MARK_RUNS = /\p{M}{3,}/gu;

/** Full-width digits and Latin letters (Ｄ－０００１, １２月１８日, typed with a Chinese IME in full-width mode). */
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/**
 * The text as it is kept and shown: line breaks unified; controls, bidi controls (U+202E
 * would render a title reversed for the whole group), zero-width and other default-ignorable
 * characters (variation selectors excepted) and runs of combining marks removed; full-width digits and letters read as ASCII ones; trimmed.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(CONTROLS, '')
    .replace(IGNORABLE, '')
    .replace(MARK_RUNS, '')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
}

/** The message with every text it carries cleaned as it will be kept. */
export function cleanMessage(msg: InboundMessage): InboundMessage {
  const out: InboundMessage = { ...msg, text: cleanText(msg.text), mentions: msg.mentions.map((m) => ({ ...m, name: cleanText(m.name) })) };
  if (msg.senderName !== undefined) out.senderName = cleanText(msg.senderName);
  if (msg.chatTitle !== undefined) out.chatTitle = cleanText(msg.chatTitle);
  return out;
}

/**
 * Traditional and variant forms of the characters of the classification marks, folded to the
 * simplified form (compatibility ideographs and enclosed forms such as ㊙ are folded by NFKC).
 */
const VARIANTS: Record<string, string> = {
  機: '机',
  絕: '绝',
  絶: '绝',
  祕: '秘',
  袐: '秘',
  宻: '密',
};
const VARIANT_RE = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

/**
 * The text as the 涉密 guard compares it: NFKC (full-width, compatibility ideographs, enclosed
 * ideographs), variant characters folded to simplified, and everything that is not a letter
 * or a digit removed: default-ignorable and format characters, combining marks, punctuation,
 * symbols (U+2800 braille blank among them), separators and spaces. `机-密`, `機　密`,
 * `机\u2060密` and `【秘・密】` all fold to a mark.
 */
export function foldForGuard(text: string): string {
  return text
    .normalize('NFKC')
    .replace(VARIANT_RE, (c) => VARIANTS[c] ?? c)
    .replace(/[\p{Default_Ignorable_Code_Point}]/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
