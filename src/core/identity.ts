import type { Directory, Person, Platform } from '../directory/directory.js';
import type { ResolvedMention } from './command.js';

/** Looks up runtime account bindings (added by an administrator); none by default. */
export interface BindingLookup {
  personForAccount(platform: Platform, accountId: string): Promise<string | undefined>;
  accountForPerson(platform: Platform, personId: string): Promise<string | undefined>;
}

/**
 * Maps platform accounts to directory people: first the bindings made at run time, then the
 * accounts written in the directory file. A person bound on two platforms is one person.
 */
export class IdentityService {
  constructor(
    private readonly directory: Directory,
    private readonly bindings?: BindingLookup,
  ) {}

  async personFor(platform: Platform, accountId: string): Promise<Person | undefined> {
    const bound = await this.bindings?.personForAccount(platform, accountId);
    if (bound) return this.directory.person(bound);
    return this.directory.personByAccount(platform, accountId);
  }

  /** The person's account on a platform, if bound. */
  async accountFor(platform: Platform, personId: string): Promise<string | undefined> {
    const bound = await this.bindings?.accountForPerson(platform, personId);
    if (bound) return bound;
    const p = this.directory.person(personId);
    if (!p) return undefined;
    if (platform === 'lark') return p.accounts.lark;
    if (platform === 'wechat') return p.accounts.wechat?.id;
    return p.accounts.console ?? p.name;
  }

  async resolveMentions(platform: Platform, mentions: ReadonlyArray<{ accountId?: string; name: string }>): Promise<ResolvedMention[]> {
    const out: ResolvedMention[] = [];
    for (const m of mentions) {
      const person = m.accountId ? await this.personFor(platform, m.accountId) : undefined;
      out.push({ name: m.name, personId: person?.id });
    }
    return out;
  }
}
