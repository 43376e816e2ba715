import type { Role } from '../domain/roles.js';
import type { DirectoryFile, PersonEntry, UnitEntry } from './schema.js';
import { PLATFORMS, accountLookupKey, fileAccountId, readAccounts, type Platform, type PersonAccounts } from './account-kinds.js';
import { nameKey } from './name-key.js';

export interface Unit {
  id: string;
  name: string;
  aliases: string[];
  type: UnitEntry['type'];
  contactId?: string;
}

export interface Person {
  id: string;
  name: string;
  title: string;
  unitId?: string;
  roles: Role[];
  covers: string[];
  substituteId?: string;
  absent: boolean;
  aliases: string[];
  accounts: PersonAccounts;
}

/**
 * The organisation: units, people, roles, coverage. Immutable once loaded; runtime changes
 * (leave, acting, bindings, handovers) live in the database and are layered on by services.
 */
export class Directory {
  readonly name: string;
  private readonly units = new Map<string, Unit>();
  private readonly people = new Map<string, Person>();
  private readonly unitNames = new Map<string, Unit>();
  private readonly personNames = new Map<string, Person>();
  private readonly accountIndex = new Map<string, Person>();
  // Indexes for the hot paths (chasing a hundred thousand tasks asks these for each one).
  private readonly unitList: Unit[] = [];
  private readonly peopleList: Person[] = [];
  private readonly byRole = new Map<Role, Person[]>();
  private readonly heads = new Map<string, Person>();
  private readonly handlers = new Map<string, Person[]>();
  private readonly covering = new Map<string, Person[]>();
  private readonly approverId?: string;

  constructor(file: DirectoryFile) {
    this.name = file.name;
    this.approverId = file.handover_approver;
    for (const u of file.units) this.addUnit(u);
    for (const p of file.people) this.addPerson(p);
  }

  private addUnit(entry: UnitEntry): void {
    const unit: Unit = { id: entry.id, name: entry.name, aliases: entry.aliases, type: entry.type, contactId: entry.contact };
    this.units.set(unit.id, unit);
    this.unitList.push(unit);
    for (const n of [unit.name, ...unit.aliases]) this.unitNames.set(nameKey(n), unit);
  }

  private addPerson(entry: PersonEntry): void {
    const person: Person = {
      id: entry.id,
      name: entry.name,
      title: entry.title,
      unitId: entry.unit,
      roles: entry.roles,
      covers: entry.covers,
      substituteId: entry.substitute,
      absent: entry.absent,
      aliases: entry.aliases,
      accounts: readAccounts(entry.accounts),
    };
    this.people.set(person.id, person);
    this.peopleList.push(person);
    // Appended in place: copying the list for each person made loading a province quadratic.
    for (const role of person.roles) append(this.byRole, role, person);
    if (person.unitId && person.roles.includes('单位主要负责人') && !this.heads.has(person.unitId)) this.heads.set(person.unitId, person);
    if (person.unitId && person.roles.includes('经办人')) append(this.handlers, person.unitId, person);
    for (const role of person.roles) {
      for (const u of person.covers) append(this.covering, `${role}\u0000${u}`, person);
    }
    for (const n of [person.name, ...person.aliases]) this.personNames.set(nameKey(n), person);
    for (const platform of PLATFORMS) {
      const id = fileAccountId(person, platform);
      if (id !== undefined) this.accountIndex.set(`${platform}:${accountLookupKey(platform, id)}`, person);
    }
  }

  allUnits(): readonly Unit[] {
    return this.unitList;
  }

  allPeople(): readonly Person[] {
    return this.peopleList;
  }

  unit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  person(id: string): Person | undefined {
    return this.people.get(id);
  }

  unitName(id: string): string {
    return this.units.get(id)?.name ?? id;
  }

  personName(id: string): string {
    return this.people.get(id)?.name ?? id;
  }

  /** Unit by full name or alias (省发展改革委 = 发改委). */
  findUnit(name: string): Unit | undefined {
    return this.unitNames.get(nameKey(name));
  }

  findPerson(name: string): Person | undefined {
    return this.personNames.get(nameKey(name));
  }

  /** Person bound to a platform account in the file (runtime bindings are layered on by IdentityService). */
  personByAccount(platform: Platform | string, accountId: string): Person | undefined {
    return this.accountIndex.get(`${platform}:${accountLookupKey(platform, accountId)}`);
  }

  hasRole(person: Person, role: Role): boolean {
    return person.roles.includes(role);
  }

  withRole(role: Role): readonly Person[] {
    return this.byRole.get(role) ?? [];
  }

  /** The 单位主要负责人 of a unit. */
  unitHead(unitId: string): Person | undefined {
    return this.heads.get(unitId);
  }

  /** The unit's 分管负责人 (B二(五): 负责督查事项的落实和催办), if the directory names any. */
  unitDeputies(unitId: string): readonly Person[] {
    return this.withRole('分管负责人').filter((p) => p.unitId === unitId);
  }

  /** The person who takes work assigned to the unit by name: the contact, else the first 经办人, else the head. */
  defaultResponsible(unitId: string): Person | undefined {
    const unit = this.units.get(unitId);
    if (unit?.contactId) return this.people.get(unit.contactId);
    return this.handlers.get(unitId)?.[0] ?? this.unitHead(unitId);
  }

  /** People holding `role` who cover `unitId` (分管领导, 副秘书长). */
  coveringUnit(role: Role, unitId: string): readonly Person[] {
    return this.covering.get(`${role}\u0000${unitId}`) ?? [];
  }

  /** Who decides whether a task is handed over to the 纪检监察机关: the named leader, else the first 主要领导. */
  handoverApprover(): Person | undefined {
    return (this.approverId ? this.people.get(this.approverId) : undefined) ?? this.withRole('主要领导')[0];
  }

  /** Display label: `李明（省发展改革委主任）`. */
  label(personId: string): string {
    const p = this.people.get(personId);
    if (!p) return personId;
    return p.title ? `${p.name}（${p.title}）` : p.name;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
