import type { Directory, Person } from '../../directory/directory.js';
import { identityKey } from '../../core/identity-key.js';

/** What the adapter knows about a WeChat contact. */
export interface ContactFacts {
  id: string;
  /** 昵称: the name the contact chose. */
  name: string;
  /** 备注: the remark the bot's own account set for the contact (never another member's 群昵称). */
  alias?: string;
}

/** A directory person for a contact, or why none could be chosen. */
export type ContactMatch = { personId: string; via: 'id' | 'alias' | 'name' } | { personId?: undefined; note: string };

/** Account bindings (runtime bindings first, then the directory file), each lookup its own short transaction. */
export interface WechatAccounts {
  personFor(contactId: string): Promise<Person | undefined>;
  accountFor(personId: string): Promise<string | undefined>;
  isBlocked?(contactId: string): Promise<boolean>;
  /** Records the contact id of a person matched unambiguously, so later messages match by id. */
  remember?(contactId: string, personId: string): Promise<void>;
}

/**
 * How many distinct contacts the bot can see whose 备注 (`alias`: the bot's own remark only)
 * or 昵称/群昵称 (`name`) has the identity key `key` (see identityKey), the contact itself included.
 */
export type NamesakeCounter = (by: 'alias' | 'name', key: string) => Promise<number>;

const LABEL = { alias: '备注', name: '昵称' } as const;

/**
 * Matches WeChat contacts to directory people, in this order: the contact id (a 绑定 made in
 * the chat or remembered from an earlier match, then `accounts.wechat.id` in the file), the
 * 备注 (`accounts.wechat.alias`), the 昵称 (`accounts.wechat.name`). Names are compared and
 * counted under one normalization (identityKey). It never guesses: a 备注 or 昵称 that several
 * directory entries claim, that several contacts share (lookalikes included), that only looks
 * like the directory value (`钱 敏`, a compatibility ideograph), or that belongs to someone
 * whose WeChat id is already known and different, gives no person but a note saying why.
 */
export class ContactIdentity {
  private readonly claims = { alias: new Map<string, Person[]>(), name: new Map<string, Person[]>() };

  constructor(
    directory: Directory,
    private readonly accounts: WechatAccounts,
  ) {
    for (const p of directory.allPeople()) {
      const w = p.accounts.wechat;
      if (w?.alias) add(this.claims.alias, identityKey(w.alias), p);
      if (w?.name) add(this.claims.name, identityKey(w.name), p);
    }
  }

  /** `remember`: bind the contact id on an unambiguous 备注/昵称 match (senders; not mentions). */
  async resolve(contact: ContactFacts, namesakes: NamesakeCounter, o: { remember?: boolean } = {}): Promise<ContactMatch> {
    if (await this.accounts.isBlocked?.(contact.id)) return { note: '该微信账号已被管理员停用' };
    const bound = await this.accounts.personFor(contact.id);
    if (bound) return { personId: bound.id, via: 'id' };
    for (const by of ['alias', 'name'] as const) {
      const value = by === 'alias' ? contact.alias : contact.name;
      if (!value) continue;
      const key = identityKey(value);
      if (!key) continue;
      const claimed = this.claims[by].get(key) ?? [];
      const person = claimed[0];
      if (!person) continue;
      const shown = value.trim();
      const what = `微信${LABEL[by]}「${shown}」`;
      if (claimed.length > 1) return { note: `${what}在通讯录中对应多人（${claimed.map((p) => p.name).join('、')}），无法确定是哪一位` };
      const expected = by === 'alias' ? person.accounts.wechat?.alias : person.accounts.wechat?.name;
      if (value !== expected) {
        return { note: `${what}与通讯录中的「${expected ?? person.name}」相似但不完全相同，无法确认是本人` };
      }
      const account = await this.accounts.accountFor(person.id);
      if (account !== undefined && account !== contact.id) {
        return { note: `${what}与通讯录中的 ${person.name} 相符，但 ${person.name} 已绑定另一个微信账号` };
      }
      const count = await namesakes(by, key);
      if (count > 1) {
        return { note: `有 ${count} 个微信账号的${by === 'alias' ? '备注' : '昵称或群昵称'}都是或形似「${shown}」，无法确定是哪一位` };
      }
      if (o.remember) await this.accounts.remember?.(contact.id, person.id);
      return { personId: person.id, via: by };
    }
    return { note: '按微信账号、备注、昵称都未找到对应的通讯录人员' };
  }
}

function add(map: Map<string, Person[]>, key: string, person: Person): void {
  map.set(key, [...(map.get(key) ?? []), person]);
}
