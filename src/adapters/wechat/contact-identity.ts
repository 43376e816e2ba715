import { nameKey, type Directory, type Person } from '../../directory/directory.js';

/** What the adapter knows about a WeChat contact. */
export interface ContactFacts {
  id: string;
  /** 昵称: the name the contact chose. */
  name: string;
  /** 备注: the remark the bot's own account set for the contact. */
  alias?: string;
}

/** A directory person for a contact, or why none could be chosen. */
export type ContactMatch =
  | { personId: string; via: 'id' | 'alias' | 'name' }
  | { personId?: undefined; note: string };

/** Account bindings (runtime bindings first, then the directory file), each lookup its own short transaction. */
export interface WechatAccounts {
  personFor(contactId: string): Promise<Person | undefined>;
  accountFor(personId: string): Promise<string | undefined>;
}

/** How many distinct contacts the bot can see whose 备注 (`alias`) or 昵称/群昵称 (`name`) is `value`. */
export type NamesakeCounter = (by: 'alias' | 'name', value: string) => Promise<number>;

const LABEL = { alias: '备注', name: '昵称' } as const;

/**
 * Matches WeChat contacts to directory people, in this order: the contact id (a 绑定 made in
 * the chat, then `accounts.wechat.id` in the file), the 备注 (`accounts.wechat.alias`), the
 * 昵称 (`accounts.wechat.name`). It never guesses: a 备注 or 昵称 that several directory
 * entries claim, that several contacts share, or that belongs to someone whose WeChat id is
 * already known and different, gives no person but a note saying why.
 */
export class ContactIdentity {
  private readonly claims = { alias: new Map<string, Person[]>(), name: new Map<string, Person[]>() };

  constructor(
    directory: Directory,
    private readonly accounts: WechatAccounts,
  ) {
    for (const p of directory.allPeople()) {
      const w = p.accounts.wechat;
      if (w?.alias) add(this.claims.alias, nameKey(w.alias), p);
      if (w?.name) add(this.claims.name, nameKey(w.name), p);
    }
  }

  async resolve(contact: ContactFacts, namesakes: NamesakeCounter): Promise<ContactMatch> {
    const bound = await this.accounts.personFor(contact.id);
    if (bound) return { personId: bound.id, via: 'id' };
    for (const by of ['alias', 'name'] as const) {
      const value = by === 'alias' ? contact.alias?.trim() : contact.name.trim();
      if (!value) continue;
      const claimed = this.claims[by].get(nameKey(value)) ?? [];
      const person = claimed[0];
      if (!person) continue;
      const what = `微信${LABEL[by]}「${value}」`;
      if (claimed.length > 1) return { note: `${what}在通讯录中对应多人（${claimed.map((p) => p.name).join('、')}），无法确定是哪一位` };
      const account = await this.accounts.accountFor(person.id);
      if (account !== undefined && account !== contact.id) {
        return { note: `${what}与通讯录中的 ${person.name} 相符，但 ${person.name} 已绑定另一个微信账号` };
      }
      const count = await namesakes(by, value);
      if (count > 1) return { note: `有 ${count} 个微信账号的${by === 'alias' ? '备注' : '昵称或群昵称'}都是「${value}」，无法确定是哪一位` };
      return { personId: person.id, via: by };
    }
    return { note: '按微信账号、备注、昵称都未找到对应的通讯录人员' };
  }
}

function add(map: Map<string, Person[]>, key: string, person: Person): void {
  map.set(key, [...(map.get(key) ?? []), person]);
}
