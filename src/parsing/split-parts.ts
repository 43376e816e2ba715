/** A piece of a command's text and the separator that came before it. */
export interface Part {
  text: string;
  sep: string;
}

const SEPARATOR = /([\s\u3000]+|[，,、；;。]+\s*)/;

/** Splits on spaces and Chinese/Latin list punctuation, keeping separators to rebuild text. */
export function splitParts(text: string): Part[] {
  const pieces = text.split(SEPARATOR);
  const parts: Part[] = [];
  let sep = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (i % 2 === 1) {
      sep = piece;
      continue;
    }
    if (piece.length > 0) parts.push({ text: piece, sep: parts.length === 0 ? '' : sep });
  }
  return parts;
}

/** Joins parts back with their original separators (spaces collapsed to one). */
export function joinParts(parts: Part[]): string {
  return parts
    .map((p, i) => (i === 0 ? p.text : `${/^\s+$/.test(p.sep) ? ' ' : p.sep.trim()}${p.text}`))
    .join('')
    .trim();
}
