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
  /**
   * The ledger rows with these ids (a page of people's rows, learnt from `runRows`), in id
   * order, each with its recipient and what its message line needs of the task.
   */
  rowsFor(ids: readonly number[]): Promise<RecipientRow[]>;
  /** Records a ladder step reached in a run, to be announced by a later page. */
  recordStep(s: Omit<ChaseStepRow, 'id'>): Promise<void>;
  lastStepId(): Promise<number>;
  /** Up to `limit` of the steps recorded after `afterId`, in id order. */
  stepRows(jobPeriod: string, afterId: number, limit: number): Promise<ChaseStepRow[]>;
  /** The step rows with these ids (a page of a 通报 group's rows, learnt from `stepRows`), in id order; ids not found are left out. */
  stepsById(ids: readonly number[]): Promise<ChaseStepRow[]>;
  /** What a 通报 says of these tasks (no whole task rows), in id order; ids not found are left out. */
  noticeTasks(ids: readonly number[]): Promise<NoticeTask[]>;
  /**
   * Up to `limit` open tasks past their deadline on `today` with an id after `afterId` and up to
   * `throughId`, in id order: only what the daily chase decides on (no whole task rows, no
   * units). The id range bounds the rows a page reads however few of them are overdue.
   */
  overdueAfter(today: LocalDate, afterId: number, throughId: number, limit: number): Promise<OverdueCandidate[]>;
  /** The newest task's id (0 when none): a run chases the tasks up to it. */
  lastTaskId(): Promise<number>;
  /**
   * Records a page of overdue chases in a few statements: each task's count and date, one
   * audit record per task (`chase`, with `details` as given), the ladder step it reached (to be
   * announced later), and one ledger row per unit chased (the lead, and every co-unit that has
   * not reported its part done).
   */
  recordOverdue(chases: readonly OverdueChase[], run: OverdueRun): Promise<void>;
}

export interface OverdueCandidate {
  id: number;
  chaseCount: number;
  lastChasedDate?: LocalDate;
  deadline: LocalDate;
  ladderStep: number;
  climbStoppedAt?: string;
  leadUnitId: string;
  /** The chat the task was assigned in (where it is chased). */
  platform: string;
  chatId: string;
}

export interface OverdueChase {
  taskId: number;
  /** The chase's number: the task's count before it, plus one. */
  chaseNo: number;
  /** The audit record's details, as JSON. */
  details: string;
  step?: 1 | 2 | 3;
  platform: string;
  chatId: string;
  leadUnitId: string;
}

export interface OverdueRun {
  date: LocalDate;
  jobPeriod: string;
  /** When (ISO, Shanghai) and by which job run (the audit record's source). */
  at: string;
  job: string;
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

/** A run's ledger row with the (chat, person) it is addressed to. */
export interface RecipientRow extends ChaseRow {
  platform: string;
  chatId: string;
  personId: string;
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
  /** On a task at the 3rd step: the status of its latest 移交 proposal, if any. */
  proposal?: string;
}

/** What a 通报 line needs of a task: its line, who assigned it, its lead unit's responsible person. */
export interface NoticeTask {
  id: number;
  code: string;
  title: string;
  deadline: LocalDate;
  chaseCount: number;
  ladderStep: number;
  leadUnitId: string;
  assignerId: string;
  parentId?: number;
  /** The lead unit's row only (its responsible person); a whole task's units also fit here. */
  units: ReadonlyArray<{ role: 'lead' | 'co'; responsibleId: string }>;
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
