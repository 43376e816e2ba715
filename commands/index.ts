import type { CommandDefinition } from '../src/core/command.js';
import { assign } from './assign.js';
import { acknowledge } from './acknowledge.js';
import { progress } from './progress.js';
import { complete } from './complete.js';
import { query } from './query.js';
import { help } from './help.js';
import { bind, unbind } from './bind.js';

/**
 * The command table: every chat command, in the order `帮助` lists them. Adding a command
 * means adding its file here; the registry checks names and aliases at start-up.
 */
export const COMMANDS: readonly CommandDefinition[] = [assign, acknowledge, progress, complete, query, help, bind, unbind];
