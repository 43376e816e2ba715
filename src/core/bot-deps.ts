import type { Repositories, Storage } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { AuthorityOptions } from '../domain/task-authority.js';
import type { Clock } from './clock.js';
import type { CommandRegistry } from './command-registry.js';
import type { CoreSettings } from './command.js';
import type { IdentityService } from './identity.js';
import type { Logger } from './logger.js';
import type { OutboxPort, TaskCardBuilder } from './ports.js';

/** What the front door is built from. */
export interface BotDeps {
  storage: Storage;
  directory: Directory;
  calendar: WorkCalendar;
  clock: Clock;
  registry: CommandRegistry;
  identity: IdentityService;
  settings: CoreSettings;
  logger: Logger;
  /** Where owed replies and notices are written (src/outbox). */
  outbox: OutboxPort;
  /** Builds a task's card for platforms that refresh cards in place (src/render). */
  taskCard: TaskCardBuilder;
  /** Extra authority rules (acting heads …) consulted by task commands. */
  authority?: (repos: Repositories, today: string) => Promise<AuthorityOptions>;
  /** Called after a commit that put messages in the outbox. */
  onOutbox?: () => void;
  /** Random source for sampling completions (复核); Math.random by default. */
  random?: () => number;
}
