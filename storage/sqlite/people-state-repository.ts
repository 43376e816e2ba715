import type { Absence, Acting, PeopleStateRepository } from '../exception-repositories.js';
import type { Statements } from './statements.js';
import { addDays } from '../../src/time/shanghai.js';

interface AbsenceRow {
  id: number;
  person_id: string;
  from_date: string;
  to_date: string;
  reason: string | null;
  declared_by: string;
}
interface ActingRow {
  id: number;
  unit_id: string;
  acting_id: string;
  from_date: string;
  to_date: string;
  declared_by: string;
}

const toAbsence = (r: AbsenceRow): Absence => ({ id: r.id, personId: r.person_id, from: r.from_date, to: r.to_date, reason: r.reason ?? undefined, declaredBy: r.declared_by });
const toActing = (r: ActingRow): Acting => ({ id: r.id, unitId: r.unit_id, actingId: r.acting_id, from: r.from_date, to: r.to_date, declaredBy: r.declared_by });

/** Reads go to the database every time; caching is the transaction's (storage/transaction-cache.ts). */
export class SqlitePeopleStateRepository implements PeopleStateRepository {
  constructor(private readonly s: Statements) {}

  async addAbsence(a: Omit<Absence, 'id'> & { declaredAt: string }): Promise<void> {
    this.s
      .get('INSERT INTO absences (person_id, from_date, to_date, reason, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.personId, a.from, a.to, a.reason ?? null, a.declaredBy, a.declaredAt);
  }

  async endAbsence(personId: string, date: string): Promise<number> {
    return this.s.get('UPDATE absences SET to_date = ? WHERE person_id = ? AND from_date <= ? AND to_date >= ?').run(addDays(date, -1), personId, date, date).changes;
  }

  async absenceOn(personId: string, date: string): Promise<Absence | undefined> {
    const row = this.s.get('SELECT * FROM absences WHERE person_id = ? AND from_date <= ? AND to_date >= ? ORDER BY id DESC LIMIT 1').get(personId, date, date) as AbsenceRow | undefined;
    return row ? toAbsence(row) : undefined;
  }

  async absencesOn(date: string, until = date): Promise<Absence[]> {
    return (this.s.get('SELECT * FROM absences WHERE from_date <= ? AND to_date >= ? ORDER BY id').all(until, date) as AbsenceRow[]).map(toAbsence);
  }

  async addActing(a: Omit<Acting, 'id'> & { declaredAt: string }): Promise<void> {
    this.s.get('INSERT INTO actings (unit_id, acting_id, from_date, to_date, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?)').run(a.unitId, a.actingId, a.from, a.to, a.declaredBy, a.declaredAt);
  }

  async endActing(unitId: string, date: string): Promise<number> {
    return this.s.get('UPDATE actings SET to_date = ? WHERE unit_id = ? AND from_date <= ? AND to_date >= ?').run(addDays(date, -1), unitId, date, date).changes;
  }

  async actingsOn(date: string, until = date): Promise<Acting[]> {
    return (this.s.get('SELECT * FROM actings WHERE from_date <= ? AND to_date >= ? ORDER BY id').all(until, date) as ActingRow[]).map(toActing);
  }
}
