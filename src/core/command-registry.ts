import type { CommandCatalog, CommandDefinition } from './command.js';
import { foldTraditional } from '../texts/traditional.js';

/** A command table entry that cannot be used; the message says how to fix it. */
export class CommandTableError extends Error {}

export interface CommandMatch {
  command: CommandDefinition;
  /** Text after the command word. */
  rest: string;
  /** The command word as matched (its name or an alias, in simplified characters). */
  word?: string;
  /** No command word: the fallback command got the whole text. */
  fallback?: boolean;
}

/**
 * The explicit table of commands, checked once at start-up: a name or alias used twice
 * fails with the two commands that claim it.
 */
export class CommandRegistry implements CommandCatalog {
  private readonly byWord = new Map<string, CommandDefinition>();
  /** Words longest first, so 协调意见 wins over 协调. */
  private readonly words: string[];
  /** The same words by their first character: a message is compared only with words it can start with. */
  private readonly wordsByFirst = new Map<string, string[]>();
  /** The command that answers messages naming no command (plain-language questions). */
  readonly fallback: CommandDefinition | undefined;

  constructor(readonly commands: readonly CommandDefinition[]) {
    const fallbacks = commands.filter((c) => c.fallback);
    if (fallbacks.length > 1) {
      throw new CommandTableError(`命令表有误：「${fallbacks.map((c) => c.name).join('」「')}」都标为 fallback，只能有一个。请在 commands/ 中去掉多余的 fallback。`);
    }
    this.fallback = fallbacks[0];
    for (const cmd of commands) {
      for (const word of [cmd.name, ...cmd.aliases]) {
        const key = word.toLowerCase();
        const other = this.byWord.get(key);
        if (other) {
          throw new CommandTableError(`命令表有误：「${word}」同时是「${other.name}」和「${cmd.name}」的名称或别名。请在 commands/ 中删去其中一个。`);
        }
        this.byWord.set(key, cmd);
      }
    }
    this.words = [...this.byWord.keys()].sort((a, b) => b.length - a.length);
    for (const word of this.words) {
      const first = word.charAt(0);
      const list = this.wordsByFirst.get(first);
      if (list) list.push(word);
      else this.wordsByFirst.set(first, [word]);
    }
  }

  get(nameOrAlias: string): CommandDefinition | undefined {
    return this.byWord.get(nameOrAlias.toLowerCase());
  }

  /**
   * Finds the command a message starts with. Chinese names may run straight into their
   * arguments (签收D-0001); Latin aliases need a word boundary (ack D-0001). A command word in
   * traditional characters (進展, 簽收, 辦結) is read as its simplified form; its arguments are
   * kept as written (the fold is one character for one, so the word's length is the same).
   */
  match(text: string): CommandMatch | undefined {
    const lower = foldTraditional(text.toLowerCase());
    for (const word of this.wordsByFirst.get(lower.charAt(0)) ?? []) {
      if (!lower.startsWith(word)) continue;
      const next = text.charAt(word.length);
      const latin = /^[a-z]/.test(word);
      if (latin ? next === '' || /[\s:：]/.test(next) : true) {
        const command = this.byWord.get(word);
        if (command)
          return {
            command,
            word,
            rest: text
              .slice(word.length)
              .replace(/^[\s:：,，]+/, '')
              .trim(),
          };
      }
    }
    return undefined;
  }

  /** The command a message starts with, else the fallback command with the whole text. */
  matchOrFallback(text: string): CommandMatch | undefined {
    return this.match(text) ?? (this.fallback ? { command: this.fallback, rest: text, fallback: true } : undefined);
  }
}
