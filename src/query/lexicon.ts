import type { Directory } from '../directory/directory.js';
import { nameForm } from './normalize-question.js';
import { VOCABULARY, type WordMeaning } from './vocabulary.js';

/** What a word of the lexicon stands for. */
export type Entry = { kind: 'unit'; unitId: string } | { kind: 'person'; personId: string } | WordMeaning;

interface Candidate {
  word: string;
  entry: Entry;
}

/**
 * Every word the reader can match: the directory's unit names and aliases and people's names,
 * and the vocabulary, indexed by first character (longest first). Unit aliases of three or more
 * characters are also indexed for one-character typos (发该委 → 发改委).
 */
export class Lexicon {
  private readonly byFirst = new Map<string, Candidate[]>();
  private readonly typoIndex = new Map<string, Array<{ word: string; unitId: string }>>();
  /** Names in the directory, for examples and the model's prompt. */
  readonly unitNames: string[] = [];
  readonly personNames: string[] = [];

  constructor(readonly directory: Directory) {
    for (const [word, meaning] of VOCABULARY) this.add(word, meaning);
    // Names after the vocabulary: a unit or person whose name is also a word wins.
    for (const u of directory.allUnits()) {
      this.unitNames.push(u.name);
      for (const n of [u.name, ...u.aliases]) {
        const word = nameForm(n);
        this.add(word, { kind: 'unit', unitId: u.id });
        if ([...word].length >= 3) this.addTypo(word, u.id);
      }
    }
    for (const p of directory.allPeople()) {
      this.personNames.push(p.name);
      for (const n of [p.name, ...p.aliases]) this.add(nameForm(n), { kind: 'person', personId: p.id });
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  private add(word: string, entry: Entry): void {
    // A one-character name would match inside every other word.
    if (word.length === 0 || ((entry.kind === 'unit' || entry.kind === 'person') && [...word].length < 2)) return;
    const first = word.charAt(0);
    const list = this.byFirst.get(first) ?? [];
    const same = list.findIndex((c) => c.word === word);
    if (same >= 0) list[same] = { word, entry };
    else list.push({ word, entry });
    this.byFirst.set(first, list);
  }

  private addTypo(word: string, unitId: string): void {
    // Keyed by every "word with one inner character blanked": a typo shares all the other
    // characters. The first and last are never taken as typos: 民政厅 is not 财政厅, 交通局 not 交通厅.
    const chars = [...word];
    for (let i = 1; i < chars.length - 1; i++) {
      const key = `${chars.length}:${chars.slice(0, i).join('')}\u0000${chars.slice(i + 1).join('')}`;
      this.typoIndex.set(key, [...(this.typoIndex.get(key) ?? []), { word, unitId }]);
    }
  }

  /** The longest word that starts exactly at `pos`. */
  longestAt(text: string, pos: number): Candidate | undefined {
    const list = this.byFirst.get(text.charAt(pos));
    if (!list) return undefined;
    for (const c of list) if (text.startsWith(c.word, pos)) return c;
    return undefined;
  }

  /** A unit alias that `text` matches with one character wrong, when exactly one unit fits. */
  typoAt(text: string, pos: number): { length: number; word: string; unitId: string } | undefined {
    let best: { length: number; word: string; unitId: string } | undefined;
    for (let len = 6; len >= 3; len--) {
      const piece = text.slice(pos, pos + len);
      if (piece.length < len || /[\s@\d-]/.test(piece)) continue;
      const chars = [...piece];
      const found = new Map<string, string>();
      for (let i = 1; i < chars.length - 1; i++) {
        const key = `${chars.length}:${chars.slice(0, i).join('')}\u0000${chars.slice(i + 1).join('')}`;
        for (const hit of this.typoIndex.get(key) ?? []) if (hit.word !== piece) found.set(hit.unitId, hit.word);
      }
      if (found.size === 1) {
        const [[unitId, word]] = [...found.entries()] as [[string, string]];
        best = { length: len, word, unitId };
        break;
      }
      if (found.size > 1) return undefined;
    }
    return best;
  }
}

const cache = new WeakMap<Directory, Lexicon>();

/** The lexicon of a directory, built once. */
export function lexiconFor(directory: Directory): Lexicon {
  let lex = cache.get(directory);
  if (!lex) {
    lex = new Lexicon(directory);
    cache.set(directory, lex);
  }
  return lex;
}
