/**
 * A document in the GB/T 9704 layout, independent of the library that writes it: 发文机关标志,
 * 发文字号, 标题, 主送机关, 正文 (paragraphs, headings, tables, a chart), 发文机关署名 and 成文日期.
 * 份号, 密级 and 紧急程度 are omitted (non-classified work only).
 */
export type DocumentBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'image'; data: Buffer; width: number; height: number };

export interface OfficialDocument {
  /** 发文机关标志, e.g. 江海省人民政府督查室. */
  issuer: string;
  /** 发文字号, e.g. 督查〔2026〕3号. */
  number: string;
  title: string;
  /** 主送机关, without the trailing colon. */
  recipients: string;
  body: DocumentBlock[];
  /** 发文机关署名. */
  signature: string;
  /** 成文日期 in Arabic numerals: 2026年12月7日. */
  date: string;
}

/** 2026-12-07 → 2026年12月7日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function documentDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 发文字号: the code, the year in 〔〕, the sequence number with no leading zeros. */
export function documentNumber(code: string, year: number, n: number): string {
  return `${code}〔${year}〕${n}号`;
}
