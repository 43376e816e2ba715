import type { RequestKind, TaskRequest } from '../../src/domain/requests.js';
import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: 难以执行 and 延期 requests on a task. */

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
