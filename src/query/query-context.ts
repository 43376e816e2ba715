import type { Person } from '../directory/directory.js';
import type { Repositories } from '../../storage/repositories.js';
import type { ViewContext } from '../render/view-context.js';

/** What answering a question needs: the ledger, the asker, names, the calendar and today. */
export interface QueryContext extends ViewContext {
  repos: Repositories;
  actor: Person;
}
