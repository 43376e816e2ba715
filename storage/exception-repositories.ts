import type { Coordination, CoordinationLevel, CoordinationStatus } from '../src/domain/coordination.js';
import type { RequestKind, TaskRequest } from '../src/domain/requests.js';
import type { LocalDate } from '../src/time/shanghai.js';

/** Storage contracts for the exception flows (协调, 难以执行/延期, 请假/代行, 复核). */

export interface NewCoordination {
  taskId: number;
  requesterId: string;
  requesterUnit: string;
  reason: string;
  ownerId: string;
  ownerNote?: string;
  handlerIds: string[];
  levelSince: LocalDate;
  openedAt: string;
  origin: { platform: string; chatId: string };
  partyUnits: string[];
}

export interface CoordinationPatch {
  level?: CoordinationLevel;
  handlerIds?: string[];
  levelSince?: LocalDate;
  status?: CoordinationStatus;
  opinion?: string | null;
  opinionBy?: string | null;
  opinionAt?: string | null;
  closedAt?: string | null;
  ownerId?: string;
  ownerNote?: string;
  requesterId?: string;
}

export interface CoordinationRepository {
  create(input: NewCoordination): Promise<Coordination>;
  findByCode(code: string): Promise<Coordination | undefined>;
  forTask(taskId: number): Promise<Coordination[]>;
  /** Items not yet closed, oldest first. */
  unresolved(limit?: number): Promise<Coordination[]>;
  update(id: number, patch: CoordinationPatch): Promise<void>;
  /** Records a unit's position; `confirmedBy` is set when the unit's head gives it (H3), else it awaits the head. */
  state(id: number, unitId: string, stance: 'agree' | 'disagree', position: string, by: string, at: string, confirmedBy?: string): Promise<void>;
  /** The unit's head confirms the position recorded for the unit. */
  confirm(id: number, unitId: string, by: string, at: string): Promise<void>;
  /** Clears all parties' stances (a new opinion asks everyone again). */
  resetStances(id: number): Promise<void>;
  /** Open items where the person owns, handles or requested: for handovers. */
  involving(personId: string): Promise<Coordination[]>;
}

export interface NewRequest {
  taskId: number;
  kind: RequestKind;
  unitId: string;
  raisedBy: string;
  raisedAt: string;
  reason: string;
  proposedDeadline?: LocalDate;
  answerDue: LocalDate;
}

export interface RequestRepository {
  create(input: NewRequest): Promise<TaskRequest>;
  pending(taskId: number, kind: RequestKind): Promise<TaskRequest | undefined>;
  forTask(taskId: number): Promise<TaskRequest[]>;
  answer(id: number, a: { decision: string; decidedBy: string; decidedAt: string; note?: string; newDeadline?: LocalDate }): Promise<void>;
  /** All pending requests, earliest answer date first. */
  allPending(): Promise<TaskRequest[]>;
  transferRaiser(from: string, to: string): Promise<number>;
}

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
  absencesOn(date: LocalDate): Promise<Absence[]>;
  addActing(a: Omit<Acting, 'id'> & { declaredAt: string }): Promise<void>;
  endActing(unitId: string, date: LocalDate): Promise<number>;
  actingsOn(date: LocalDate): Promise<Acting[]>;
}

export interface Verification {
  id: number;
  taskId: number;
  unitId: string;
  reason: 'key' | 'sample' | 'manual';
  drawnAt: string;
  result?: 'true' | 'false';
  note?: string;
  verifiedBy?: string;
  verifiedAt?: string;
}

export interface VerificationRepository {
  draw(v: { taskId: number; unitId: string; reason: Verification['reason']; drawnAt: string }): Promise<void>;
  pending(taskId: number): Promise<Verification | undefined>;
  record(id: number, r: { result: 'true' | 'false'; note?: string; verifiedBy: string; verifiedAt: string; verifiedDate: LocalDate }): Promise<void>;
  /** How many completions there have been, and how many of them were drawn for verification. */
  sampleStats(): Promise<{ completions: number; drawn: number }>;
  forTask(taskId: number): Promise<Verification[]>;
}
