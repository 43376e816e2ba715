import { z } from 'zod';
import { ARGUMENT_TEXTS } from '../texts/arguments.js';

/** The argument schemas commands share, so that each reads and fails the same way everywhere. */

/** A task code (D-0001, or a stage D-0001-2), already normalized by the parser. */
export const taskCodeArg = z.string({ message: ARGUMENT_TEXTS.taskCode });

/** A coordination code (C-0001). */
export const coordinationCodeArg = z.string({ message: ARGUMENT_TEXTS.coordinationCode });
