import type { LocalDate } from '../time/shanghai.js';
import { normalizeTaskCode } from '../domain/task.js';
import { normalizeCoordinationCode } from '../domain/coordination.js';
import type { Entry, Lexicon } from './lexicon.js';
import { matchTime, type TimeSlot } from './time-words.js';
import { parseChineseNumber } from '../time/chinese-number.js';

/** One piece of a question, with the text it came from. */
export type Token = { text: string } & (
  | Entry
  | { kind: 'time'; slot: TimeSlot }
  | { kind: 'code'; code: string; coordination: boolean }
  /** A unit alias written with one character wrong. */
  | { kind: 'typo'; unitId: string; meant: string }
  /** Text the reader does not know. */
  | { kind: 'rest' }
  /** 逾期超过10天, 逾期10天以上. */
  | { kind: 'overdue_days'; days: number }
  | { kind: 'at' }
);

const OVERDUE_DAYS = /(?:逾期|超期|拖期|过期)(?:已经?|了)?(?:超过|超出|多于|大于|达到?|满)?(\d{1,3}|[一二两三四五六七八九十百]{1,4})(?:个)?(?:工作日|天|日)(?:以上|多|了)?/y;
const TASK_CODE = /d-?\s?(\d{1,9}(?:-\d{1,3}(?!\d))?)/y;
const COORD_CODE = /c-?\s?(\d{1,9})/y;

/**
 * Splits a normalized question into tokens: at each position the longest of a task code, a
 * time word, a directory name or a vocabulary word; characters that match none gather into
 * `rest` runs, which are then tried as a unit alias with one wrong character.
 */
export function tokenize(text: string, lex: Lexicon, today: LocalDate): Token[] {
  const tokens: Token[] = [];
  let rest = '';
  const flush = () => {
    if (rest) tokens.push({ kind: 'rest', text: rest });
    rest = '';
  };
  let pos = 0;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    // A dash outside a task code (read at its letter) separates like a space.
    if (ch === ' ' || ch === '-') {
      flush();
      pos++;
      continue;
    }
    if (ch === '@' || ch === '＠') {
      flush();
      tokens.push({ kind: 'at', text: ch });
      pos++;
      continue;
    }
    OVERDUE_DAYS.lastIndex = pos;
    const od = OVERDUE_DAYS.exec(text);
    const odDays = od ? chineseOrDigits(od[1] ?? '') : undefined;
    if (od && odDays !== undefined && (/(超过|超出|多于|大于|达|满)/.test(od[0]) || /(以上|多)$/.test(od[0]))) {
      flush();
      tokens.push({ kind: 'overdue_days', days: odDays, text: od[0] });
      pos += od[0].length;
      continue;
    }
    const code = codeAt(text, pos);
    const time = matchTime(text, pos, today);
    const word = lex.longestAt(text, pos);
    const best = Math.max(code?.length ?? 0, time?.length ?? 0, word?.word.length ?? 0);
    const named = word?.entry.kind === 'unit' || word?.entry.kind === 'person';
    if (!named && best < 3 && !code) {
      const typo = lex.typoAt(text, pos);
      if (typo && typo.length > best) {
        flush();
        tokens.push({ kind: 'typo', unitId: typo.unitId, meant: typo.word, text: text.slice(pos, pos + typo.length) });
        pos += typo.length;
        continue;
      }
    }
    if (best === 0 || (/[a-z0-9]/.test(ch) && best === (word?.word.length ?? 0) && !code && !time && /[a-z0-9]/.test(text.charAt(pos + best)))) {
      rest += ch;
      pos++;
      continue;
    }
    flush();
    if (code && code.length === best) tokens.push(code.token);
    else if (word && word.word.length === best && (word.entry.kind === 'unit' || word.entry.kind === 'person' || !time || time.length < best)) {
      tokens.push({ ...word.entry, text: word.word } as Token);
    } else if (time) tokens.push({ kind: 'time', slot: time.slot, text: text.slice(pos, pos + time.length) });
    pos += best;
  }
  flush();
  return tokens;
}

function chineseOrDigits(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s.replace('两', '二'));
}

function codeAt(text: string, pos: number): { length: number; token: Token } | undefined {
  if (pos > 0 && /[a-z]/.test(text.charAt(pos - 1))) return undefined;
  for (const [re, coordination] of [
    [TASK_CODE, false],
    [COORD_CODE, true],
  ] as const) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[0].replace(/\s/g, '');
    const code = coordination ? normalizeCoordinationCode(raw) : normalizeTaskCode(raw);
    if (code) return { length: m[0].length, token: { kind: 'code', code, coordination, text: m[0] } };
  }
  return undefined;
}
