const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Parses a small non-negative number written in Arabic digits (full- or half-width) or in
 * Chinese numerals up to 9999 (三, 十五, 二十, 一百二十). Returns undefined when it is not one.
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d{1,9}$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit = 0;
  let seenDigit = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] ?? 0;
      seenDigit = true;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    total += (seenDigit ? digit : 1) * unit;
    digit = 0;
    seenDigit = false;
  }
  return total + digit;
}
