import type { LocalDate } from '../src/time/shanghai.js';

/** Storage contracts for scheduled jobs: run records, the chase ledger, and tally statistics. */

export interface JobRun {
  job: string;
  period: string;
  status: 'done' | 'skipped';
  ranAt: string;
  scheduled: string;
  messages: number;
  detail?: string;
}

export interface JobRunRepository {
  /** Records a run of (job, period); false when that period already ran (or was skipped). */
  claim(run: JobRun): Promise<boolean>;
  setResult(job: string, period: string, messages: number, detail?: string): Promise<void>;
  find(job: string, period: string): Promise<JobRun | undefined>;
  /** A value of the installation's `meta` table; `setMetaOnce` keeps the first value written. */
  meta(key: string): Promise<string | undefined>;
  setMetaOnce(key: string, value: string): Promise<string>;
  /** Where a paged run of (job, period) stands: the cursor written with its last committed page. */
  cursor(job: string, period: string): Promise<RunCursor | undefined>;
  saveCursor(job: string, period: string, cursor: RunCursor, at: string): Promise<void>;
  /** Raises a high-water mark kept in `meta` (ISO instants compare as text); returns the mark now held. */
  raiseMeta(key: string, value: string): Promise<string>;
}

/** A paged run's position, written in the same transaction as the page's effects. */
export interface RunCursor {
  cursor: string;
  /** Messages posted by the pages committed so far. */
  messages: number;
  pages: number;
}

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

/** Counts per unit over a closed date range. */
export type UnitCounts = Map<string, number>;

export interface OverdueItem {
  taskId: number;
  code: string;
  title: string;
  unitId: string;
  deadline: LocalDate;
  /** Codes of the task's overdue stages, listed under it. */
  stages?: string[];
}

export interface StatsRepository {
  /** Top-level tasks assigned in the range, per unit on them (lead or co). */
  assignedByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Of those, the unit signed on the day of assignment. */
  ackedOnTimeByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /**
   * Completions in the range per lead unit: by the original deadline (按期), after it but within
   * an approved extension (延期内), and after the deadline in force (逾期).
   */
  completedByUnit(from: LocalDate, to: LocalDate): Promise<Map<string, { total: number; onTime: number; inExtension: number; late: number }>>;
  /**
   * Overdue per lead unit: deadline before `dueBefore`, and not completed before `doneBefore`
   * (paused ones, and open ones waiting on a 延期 or 难以执行 decision, excluded). A task counts
   * once with its stages. For a past period both are the day after it; for now, today and tomorrow.
   */
  overdueByUnit(dueBefore: LocalDate, doneBefore: LocalDate): Promise<UnitCounts>;
  /** Overdue chases in the range, per unit chased. */
  chasesByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Coordination requests opened in the range, per requesting unit. */
  coordinationsByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** 复核不实 findings in the range, per unit. */
  untrueByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Tasks due in the range, per lead unit (the base for "more than 10% not carried out"). */
  dueByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Open top-level tasks overdue before `dueBefore` (themselves or by a stage), longest overdue first, with their overdue stages. */
  overdueItems(dueBefore: LocalDate, limit: number): Promise<OverdueItem[]>;
  /** 台账 entries (first-step ladder events) in the range per unit, each top-level task counted once. */
  ledgerByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Top-level completions in the range that came after the deadline in force (逾期办结). */
  lateCompletions(from: LocalDate, to: LocalDate, limit: number): Promise<OverdueItem[]>;
}
