import type { Person } from '../directory/directory.js';
import type { Repositories } from '../../storage/repositories.js';
import type { ViewContext } from '../render/view-context.js';
import type { ColourScheme } from '../render/task-colour.js';

/** What answering a question needs: the ledger, the asker, names, the calendar and today. */
export interface QueryContext extends ViewContext {
  repos: Repositories;
  actor: Person;
  /** The configured 三色 scheme and warning days; lists mark each open task's colour when given. */
  settings?: { colourScheme: ColourScheme; warnDays: number };
}
