import type { Person } from '../directory/directory.js';
import { describeRoles } from '../domain/roles.js';
import type { CommandDefinition } from './command.js';
import { UserError } from './errors.js';

/** Whether the person's roles allow the command at all (task-level checks come later in `run`). */
export function isAllowed(command: CommandDefinition, person: Person): boolean {
  return command.allowed === 'anyone' || person.roles.some((r) => (command.allowed as readonly string[]).includes(r));
}

/** Refuses with the roles that may use the command. */
export function checkAllowed(command: CommandDefinition, person: Person): void {
  if (isAllowed(command, person)) return;
  const roles = command.allowed === 'anyone' ? '' : describeRoles(command.allowed);
  throw new UserError('no_permission', `「${command.name}」仅限${roles}使用。您的角色是${describeRoles(person.roles)}。`, false);
}
