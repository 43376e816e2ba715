import { mention } from '../core/reply.js';
import type { Directory } from '../directory/directory.js';
import { isLeader } from './ladder.js';

/**
 * How a group message addresses a person: an @-mention, except for leaders (主要领导, 分管领导,
 * 秘书长), who are named and told by 专报 (B三(三), B四(六)).
 */
export function addressPerson(directory: Directory, personId: string): string {
  return isLeader(directory.person(personId)) ? directory.personName(personId) : mention(personId);
}

/** The people a group message may @-mention: everyone but the leaders. */
export function withoutLeaders(directory: Directory, ids: readonly string[]): string[] {
  return ids.filter((id) => !isLeader(directory.person(id)));
}
