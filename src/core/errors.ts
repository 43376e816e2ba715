/**
 * A mistake the user can fix. It has a stable code and a Chinese message that says what was
 * wrong; the front door adds the command's correct form. Anything else thrown is an
 * internal error: logged with context, and the user sees a short apology with a reference.
 */
export type UserErrorCode =
  | 'bad_arguments'
  | 'unknown_task'
  | 'bad_deadline'
  | 'past_deadline'
  | 'no_permission'
  | 'unknown_unit'
  | 'unknown_person'
  | 'missing_result'
  | 'invalid_state'
  | 'classified'
  | 'unregistered'
  | 'too_long'
  | 'unknown_command';

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** Show the command's usage after the message (false for refusals where it would not help). */
    readonly showUsage = code === 'bad_arguments' || code === 'bad_deadline',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
