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
}

/** Counts per unit over a closed date range. */
export type UnitCounts = Map<string, number>;

export interface OverdueItem {
  taskId: number;
  code: string;
  title: string;
  unitId: string;
  deadline: LocalDate;
}

export interface StatsRepository {
  /** Top-level tasks assigned in the range, per unit on them (lead or co). */
  assignedByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Of those, the unit signed on the day of assignment. */
  ackedOnTimeByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Completions in the range per lead unit, and how many by the original deadline. */
  completedByUnit(from: LocalDate, to: LocalDate): Promise<Map<string, { total: number; onTime: number }>>;
  /**
   * Overdue per lead unit: deadline before `dueBefore`, and not completed before `doneBefore`
   * (paused ones excluded). For a past period both are the day after it; for now, today and tomorrow.
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
  /** Open tasks with a deadline before `dueBefore`, longest overdue first. */
  overdueItems(dueBefore: LocalDate, limit: number): Promise<OverdueItem[]>;
  /** Completions in the range that came after the original deadline. */
  lateCompletions(from: LocalDate, to: LocalDate, limit: number): Promise<OverdueItem[]>;
}
