import { NOTICE_ISSUER, noticeNumber } from '../domain/ladder.js';

/** A numbered 通报 of the ladder: the series (absent: whichever of the year has that number), the year, the number. */
export interface NoticeRef {
  series?: string;
  year: number;
  n: number;
}

export const NOTICE_FORM_HELP = `导出 通报 ${noticeNumber(NOTICE_ISSUER[1], 2026, 3)}（或 ${noticeNumber(NOTICE_ISSUER[2], 2026, 1)}），本年的可简写为 导出 通报 第3期`;

const SERIES = Object.values(NOTICE_ISSUER);
const FULL = new RegExp(`^(${SERIES.join('|')})?(?:[〔［\\[（(【](\\d{4})[〕］\\]）)】])?第(\\d{1,4})期$`);

/**
 * Reads `督查室通报〔2026〕第3期`, `办公厅通报〔2026〕第1期` or `第3期` (this year); brackets as
 * typed on a phone ([2026], (2026), 【2026】) are accepted. Returns 'malformed' for text that
 * looks like a notice number but is not one, undefined for anything else (a period).
 */
export function parseNoticeRef(text: string, thisYear: number): NoticeRef | 'malformed' | undefined {
  const t = text.replace(/\s+/g, '');
  const m = FULL.exec(t);
  if (m) return { series: m[1], year: m[2] ? Number(m[2]) : thisYear, n: Number(m[3]) };
  if (/期$|通报/.test(t) || SERIES.some((s) => t.startsWith(s.slice(0, 3)))) return 'malformed';
  return undefined;
}
