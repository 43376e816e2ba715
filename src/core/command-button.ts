import type { ReplyAction } from './reply.js';
import { COMMAND_WORDS, type CommandWord } from '../texts/command-words.js';

/** A button that runs `<command word> <args>`; its label is the command word unless given. */
export function commandButton(word: CommandWord, args: string, opts: Omit<ReplyAction, 'command' | 'label'> & { label?: string } = {}): ReplyAction {
  const { label, ...rest } = opts;
  const name = COMMAND_WORDS[word];
  return { label: label ?? name, command: args ? `${name} ${args}` : name, ...rest };
}
