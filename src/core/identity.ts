import type { BindingRepository } from '../../storage/repositories.js';
import type { Directory, Person } from '../directory/directory.js';
import { fileAccountId, type Platform } from '../directory/account-kinds.js';
import type { ResolvedMention } from './command.js';

/** `bound_by` of a binding the adapter made on an unambiguous name match. */
export const REMEMBERED_BY = 'system:name-match';

/**
 * Maps platform accounts to directory people: first the bindings made at run time (by an
 * administrator's 绑定, or by an adapter that matched a contact unambiguously), then the
 * accounts written in the directory file. A person bound on two platforms is one person.
 */
export class IdentityService {
  constructor(private readonly directory: Directory) {}

  /** The person behind an account; none for an account an administrator blocked (停用). */
  async personFor(bindings: BindingRepository, platform: Platform | string, accountId: string): Promise<Person | undefined> {
    if (await bindings.isBlocked(platform, accountId)) return undefined;
    const bound = await bindings.personFor(platform, accountId);
    if (bound) return this.directory.person(bound);
    return this.directory.personByAccount(platform, accountId);
  }

  /** Who the directory file (not a runtime binding) gives the account to. */
  filePersonFor(platform: Platform | string, accountId: string): Person | undefined {
    return this.directory.personByAccount(platform, accountId);
  }

  /**
   * Remembers the account of a person an adapter matched unambiguously (by WeChat 备注 or
   * 昵称), so that later messages are matched by account id. Does nothing when the account or
   * the person already has an account on the platform, or the account is blocked.
   */
  async remember(bindings: BindingRepository, platform: Platform | string, accountId: string, personId: string, at: string): Promise<boolean> {
    if (await bindings.isBlocked(platform, accountId)) return false;
    if (await this.personFor(bindings, platform, accountId)) return false;
    if (await this.accountFor(bindings, platform, personId)) return false;
    await bindings.bind({ platform, accountId, personId, boundBy: REMEMBERED_BY, boundAt: at });
    return true;
  }

  /** The person's account on a platform, if bound (at run time or in the file). */
  async accountFor(bindings: BindingRepository, platform: Platform | string, personId: string): Promise<string | undefined> {
    const bound = await bindings.accountFor(platform, personId);
    if (bound) return bound;
    const p = this.directory.person(personId);
    return p ? fileAccountId(p, platform) : undefined;
  }

  async resolveMentions(bindings: BindingRepository, platform: Platform | string, mentions: ReadonlyArray<{ accountId?: string; name: string; personId?: string }>): Promise<ResolvedMention[]> {
    const out: ResolvedMention[] = [];
    for (const m of mentions) {
      const person = m.personId !== undefined ? this.directory.person(m.personId) : m.accountId ? await this.personFor(bindings, platform, m.accountId) : undefined;
      out.push({ name: m.name, personId: person?.id, accountId: m.accountId, ...(m.accountId && !person ? { unregistered: true } : {}) });
    }
    return out;
  }
}
