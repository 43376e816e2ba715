/**
 * Characters that show nothing or only space: whitespace, default-ignorable and format
 * characters (zero-width, bidi controls, U+3164 …), and the blank fillers that are neither
 * (U+2800 BRAILLE PATTERN BLANK, U+115F/U+1160/U+FFA0 Hangul fillers).
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\u2800\u115f\u1160\u3164\uffa0]/gu;

/**
 * The one normalization under which account names are compared and counted: NFKC (which
 * folds full-width forms and CJK compatibility ideographs such as U+FA41 into 敏), then every
 * invisible character removed, then lower case. Two names with the same key look the same
 * to a reader, so a bot that tells people apart by name must treat them as the same name.
 */
export function identityKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').normalize('NFKC').toLowerCase();
}
