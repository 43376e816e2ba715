import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: 请假 (absences) and 代行 (acting heads). */

export interface Absence {
  id: number;
  personId: string;
  from: LocalDate;
  to: LocalDate;
  reason?: string;
  declaredBy: string;
}

export interface Acting {
  id: number;
  unitId: string;
  actingId: string;
  from: LocalDate;
  to: LocalDate;
  declaredBy: string;
}

export interface PeopleStateRepository {
  addAbsence(a: Omit<Absence, 'id'> & { declaredAt: string }): Promise<void>;
  /** Ends absences that cover `date` by moving their end to the day before. */
  endAbsence(personId: string, date: LocalDate): Promise<number>;
  absenceOn(personId: string, date: LocalDate): Promise<Absence | undefined>;
  /** Absences covering any day from `date` to `until` (default: that day). */
  absencesOn(date: LocalDate, until?: LocalDate): Promise<Absence[]>;
  addActing(a: Omit<Acting, 'id'> & { declaredAt: string }): Promise<void>;
  endActing(unitId: string, date: LocalDate): Promise<number>;
  /** Acting heads covering any day from `date` to `until` (default: that day). */
  actingsOn(date: LocalDate, until?: LocalDate): Promise<Acting[]>;
}
