/** Removes a leading @bot mention (`at` matches it) and a leading slash. */
export function stripAddress(text: string, at: RegExp): string {
  let s = text.trim();
  for (let i = 0; i < 3 && at.test(s); i++) s = s.replace(at, '');
  return s.replace(/^[/／]\s*/, '').trim();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether plain words read like a question (for the unknown-phrase answer). */
export function looksLikeQuestion(text: string): boolean {
  return /[?？吗呢]|怎么|如何|多少|几件|哪些|有没有|情况|谁|哪个|哪家/.test(text);
}
