import type { Coordination, CoordinationLevel, CoordinationStatus } from '../../src/domain/coordination.js';
import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: 协调 (coordination requests), their parties and handlers. */

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
  closeReason?: 'withdrawn' | null;
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
