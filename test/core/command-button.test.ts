import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { CommandRegistry } from '../../src/core/command-registry.js';
import { commandButton } from '../../src/core/command-button.js';
import { COMMAND_WORDS, type CommandWord } from '../../src/texts/command-words.js';

describe('buttons are built from the command table', () => {
  const registry = new CommandRegistry(COMMANDS);

  it('every button word is the name of a registered command, so a press runs that command', () => {
    for (const [key, word] of Object.entries(COMMAND_WORDS)) {
      const button = commandButton(key as CommandWord, 'D-0001');
      const match = registry.match(button.command);
      expect(match?.command.name, key).toBe(word);
      expect(match?.rest).toBe('D-0001');
    }
  });

  it('labels default to the command word and keep the given options', () => {
    expect(commandButton('acknowledge', 'D-0007', { style: 'primary', forPersonIds: ['p1'] })).toEqual({
      label: '签收',
      command: '签收 D-0007',
      style: 'primary',
      forPersonIds: ['p1'],
    });
    expect(commandButton('progress', 'D-0007', { label: '报送进展' }).label).toBe('报送进展');
  });
});
