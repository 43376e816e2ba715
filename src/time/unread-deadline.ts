/**
 * The last words of a 交办 that were meant as a deadline but are not one the bot reads:
 * `12.30` (month.day, read), `1月底前` (read by parseDeadline), `春节前`, `节前`, `1月中旬`
 * (not read). A deadline the bot cannot read must never become a default deadline months away
 * with the words left in the title.
 */

/** `12.30`, `1.15前`: month and day with a dot, as the last part of a 交办 only (elsewhere it may be a number). */
export function monthDotDay(text: string): string | undefined {
  const m = /^(\d{1,2})[.．](\d{1,2})[日号]?(?:之前|以前|前)?$/.exec(text.trim());
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${month}月${day}日`;
}

const HOLIDAY = /(元旦|春节|过年|年前|年后|节前|节后|节日前|清明|五一|劳动节|端午|中秋|国庆|两会|汛前|汛期前)/;
const PERIOD_WORD = /(月|年|周|星期|季度?)(初|中|中旬|上旬|下旬|底|末)(之前|以前|前)?$/;
const BEFORE = /^[\d一二三四五六七八九十两零〇]+.{0,4}(之前|以前|前|以内|之内|内)$/;

/** Whether a short part reads as a time the bot did not understand (then 交办 asks for a date). */
export function looksLikeUnreadDeadline(text: string): boolean {
  const s = text.trim();
  if (s.length === 0 || s.length > 10) return false;
  return HOLIDAY.test(s) || PERIOD_WORD.test(s) || BEFORE.test(s);
}
