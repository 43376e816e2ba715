import { foldTraditional } from '../texts/traditional.js';

export { foldTraditional };

/**
 * Folds a question to the form the reader matches: NFKC (full-width letters, digits and
 * punctuation), traditional characters to simplified, every punctuation mark and space to
 * one separator, Latin letters to lower case.
 */

/** Separators: punctuation of either width and white space. */
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;

/** The text the reader works on. Separators become single spaces; `@` and `-` are kept (mentions, task codes). */
export function normalizeQuestion(text: string): string {
  const folded = foldTraditional(text.normalize('NFKC')).toLowerCase();
  return folded
    .replace(/[‐‑‒–—―－_]/g, '-')
    .replace(SEPARATORS, (m) => (m.includes('@') ? ' @' : m.includes('-') && m.trim() === '-' ? '-' : ' '))
    .trim();
}

/** Folds a directory name the same way, without spaces. */
export function nameForm(text: string): string {
  return foldTraditional(text.normalize('NFKC')).toLowerCase().replace(SEPARATORS, '');
}
