import type { AccountBinding, BindingRepository, PendingBinding } from './contracts/bindings.js';
import type { Absence, Acting, PeopleStateRepository } from './contracts/people.js';
import type { Repositories } from './contracts/storage.js';
import type { LocalDate } from '../src/time/shanghai.js';
import type { SharedCacheUse } from './shared-cache.js';

/**
 * Caching that is safe whoever else writes: it lives for one transaction only. Inside a
 * transaction, reads see the transaction's own snapshot (SQLite holds the write lock; on
 * PostgreSQL a row read twice may differ, but a decision within one message is taken on the
 * first reading), and the transaction's own writes clear what they touch. Nothing survives
 * into the next transaction, so another instance's change is seen by the next message.
 */
export function withTransactionCaches(repos: Repositories, shared?: SharedCacheUse): Repositories {
  const tx = new TxShare(shared);
  return { ...repos, bindings: new CachedBindings(repos.bindings, tx), people: new CachedPeople(repos.people, tx) };
}

/**
 * Optionally (PostgreSQL), a cache kept across transactions behind the transaction's own
 * (see shared-cache.ts): used until the transaction writes a binding or a 代行, after which
 * its reads go to the database and its COMMIT tells every instance to drop what it holds.
 */
class TxShare {
  private wrote = false;

  constructor(private readonly shared: SharedCacheUse | undefined) {}

  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.shared && !this.wrote ? this.shared.cache.read(key, load) : load();
  }

  async write<T>(change: () => Promise<T>): Promise<T> {
    if (this.shared) {
      this.wrote = true;
      this.shared.cache.invalidate();
      await this.shared.announce();
    }
    return change();
  }
}

class CachedBindings implements BindingRepository {
  private readonly persons = new Map<string, Promise<string | undefined>>();
  private readonly blocked = new Map<string, Promise<boolean>>();

  constructor(
    private readonly inner: BindingRepository,
    private readonly tx: TxShare,
  ) {}

  private clear(): void {
    this.persons.clear();
    this.blocked.clear();
  }

  personFor(platform: string, accountId: string): Promise<string | undefined> {
    return memo(this.persons, `${platform}\u0000${accountId}`, () => this.tx.read(`person\u0000${platform}\u0000${accountId}`, () => this.inner.personFor(platform, accountId)));
  }

  isBlocked(platform: string, accountId: string): Promise<boolean> {
    return memo(this.blocked, `${platform}\u0000${accountId}`, () => this.tx.read(`blocked\u0000${platform}\u0000${accountId}`, () => this.inner.isBlocked(platform, accountId)));
  }

  accountFor(platform: string, personId: string): Promise<string | undefined> {
    return this.inner.accountFor(platform, personId);
  }

  bind(b: AccountBinding): Promise<void> {
    this.clear();
    return this.tx.write(() => this.inner.bind(b));
  }

  unbind(platform: string, personId: string): Promise<boolean> {
    this.clear();
    return this.tx.write(() => this.inner.unbind(platform, personId));
  }

  list(platform?: string): Promise<AccountBinding[]> {
    return this.inner.list(platform);
  }

  block(platform: string, accountId: string, by: string, at: string): Promise<boolean> {
    this.clear();
    return this.tx.write(() => this.inner.block(platform, accountId, by, at));
  }

  unblock(platform: string, accountId: string): Promise<boolean> {
    this.clear();
    return this.tx.write(() => this.inner.unblock(platform, accountId));
  }

  requestBinding(p: Omit<PendingBinding, 'id'>): Promise<number> {
    return this.inner.requestBinding(p);
  }

  pending(): Promise<PendingBinding[]> {
    return this.inner.pending();
  }

  dropPending(id: number): Promise<void> {
    return this.inner.dropPending(id);
  }
}

class CachedPeople implements PeopleStateRepository {
  private readonly actings = new Map<string, Promise<Acting[]>>();

  constructor(
    private readonly inner: PeopleStateRepository,
    private readonly tx: TxShare,
  ) {}

  addAbsence(a: Omit<Absence, 'id'> & { declaredAt: string }): Promise<void> {
    return this.inner.addAbsence(a);
  }

  endAbsence(personId: string, date: LocalDate): Promise<number> {
    return this.inner.endAbsence(personId, date);
  }

  absenceOn(personId: string, date: LocalDate): Promise<Absence | undefined> {
    return this.inner.absenceOn(personId, date);
  }

  absencesOn(date: LocalDate, until = date): Promise<Absence[]> {
    return this.inner.absencesOn(date, until);
  }

  addActing(a: Omit<Acting, 'id'> & { declaredAt: string }): Promise<void> {
    this.actings.clear();
    return this.tx.write(() => this.inner.addActing(a));
  }

  endActing(unitId: string, date: LocalDate): Promise<number> {
    this.actings.clear();
    return this.tx.write(() => this.inner.endActing(unitId, date));
  }

  actingsOn(date: LocalDate, until = date): Promise<Acting[]> {
    const key = until === date ? date : `${date}..${until}`;
    return memo(this.actings, key, () => this.tx.read(`acting\u0000${key}`, () => this.inner.actingsOn(date, until)));
  }
}

function memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = load();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}
