import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: the chase ledger (催办 sent). */

export interface ChaseEntry {
  taskId: number;
  unitId: string;
  personId: string;
  kind: 'overdue' | 'unacked' | 'warning' | 'progress';
  chaseNo?: number;
  chasedDate: LocalDate;
  jobPeriod: string;
}

export interface ChaseRepository {
  record(entry: ChaseEntry): Promise<void>;
  forTask(taskId: number): Promise<ChaseEntry[]>;
  /** The newest ledger row's id (0 when none): a run's own rows are those after it. */
  lastId(): Promise<number>;
  /** Up to `limit` of a run's rows after `afterId` (kinds given), in id order, with the chat of their task. */
  runRows(jobPeriod: string, afterId: number, kinds: readonly ChaseEntry['kind'][], limit: number): Promise<Array<ChaseRecipient & { id: number }>>;
  /** One recipient's rows of the run, in the order recorded. */
  rowsFor(jobPeriod: string, afterId: number, kinds: readonly ChaseEntry['kind'][], r: ChaseRecipient): Promise<ChaseRow[]>;
  /** Records a ladder step reached in a run, to be announced by a later page. */
  recordStep(s: Omit<ChaseStepRow, 'id'>): Promise<void>;
  lastStepId(): Promise<number>;
  /** Up to `limit` of the steps recorded after `afterId`, in id order. */
  stepRows(jobPeriod: string, afterId: number, limit: number): Promise<ChaseStepRow[]>;
  stepsIn(jobPeriod: string, afterId: number, g: ChaseStepGroup): Promise<ChaseStepRow[]>;
}

export interface ChaseRecipient {
  platform: string;
  chatId: string;
  personId: string;
  first: number;
}

/** A ledger row of a run with what its message line needs of the task (no whole task rows). */
export interface ChaseRow {
  id: number;
  taskId: number;
  unitId: string;
  kind: ChaseEntry['kind'];
  chaseNo?: number;
  task: ChaseLineTask;
}

export interface ChaseLineTask {
  id: number;
  code: string;
  title: string;
  deadline: LocalDate;
  assignedDate: LocalDate;
  leadUnitId: string;
  chaseCount: number;
  ladderStep: number;
  climbStoppedAt?: string;
  accountabilityAt?: string;
}

export interface ChaseStepRow {
  id: number;
  jobPeriod: string;
  taskId: number;
  step: 1 | 2 | 3;
  trigger: string;
  platform: string;
  chatId: string;
  unitId: string;
}

export interface ChaseStepGroup {
  platform: string;
  chatId: string;
  unitId: string;
  step: 1 | 2 | 3;
  untrue: boolean;
  first: number;
}
