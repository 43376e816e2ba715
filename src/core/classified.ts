/**
 * The work group carries non-classified matters only (琼府〔2018〕45号 第七条). A message that
 * carries a classification mark is refused and nothing of it is kept.
 */
const MARKS = ['绝密', '机密', '秘密'] as const;

export type ClassificationMark = (typeof MARKS)[number];

/** The classification mark in the text, if any (also when spaced or bracketed: 机 密, 【秘密】). */
export function findClassificationMark(text: string): ClassificationMark | undefined {
  const compact = text.normalize('NFKC').replace(/[\s\u3000·•*★☆]+/g, '');
  return MARKS.find((m) => compact.includes(m));
}

export function classifiedRefusal(mark: ClassificationMark): string {
  return `消息含密级标识「${mark}」，未予处理和记录。本群为非涉密事项工作群，涉密事项请通过涉密渠道办理。`;
}
