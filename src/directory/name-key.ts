/** Normalizes names for lookup: drops spaces and full-width/half-width differences. */
export function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
