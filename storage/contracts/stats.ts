import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: tally statistics over a date range. */

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

/** What an open top-level task's 三色 needs, its stages counted rather than read. */
export interface ColourRow {
  id: number;
  leadUnitId: string;
  status: 'pending' | 'active';
  deadline: LocalDate;
  assignedDate: LocalDate;
  progress?: number;
  stagesTotal: number;
  stagesDone: number;
}

/** One week of the trend: its range, and the overdue cutoffs it is judged at (as for `overdueByUnit`). */
export interface TrendWeek {
  from: LocalDate;
  to: LocalDate;
  dueBefore: LocalDate;
  doneBefore: LocalDate;
}

/** A week's trend figures per unit: as `assignedByUnit`, the `onTime` of `completedByUnit`, and `overdueByUnit`. */
export interface TrendCounts {
  assigned: UnitCounts;
  onTime: UnitCounts;
  overdue: UnitCounts;
}

/**
 * Open top-level tasks that share what their 三色 depends on, counted. Those overdue on the day
 * asked are red whatever their progress: they come grouped by unit and deadline alone
 * (`assignedDate` and `progress` absent, stages 0).
 */
export interface ColourGroup {
  leadUnitId: string;
  deadline: LocalDate;
  assignedDate?: LocalDate;
  progress?: number;
  stagesTotal: number;
  stagesDone: number;
  n: number;
}

export interface StatsRepository {
  /** Open top-level work grouped for the 三色 counts as it stands on `today`, in one grouped query. */
  colourGroups(today: LocalDate): Promise<ColourGroup[]>;
  /** The trend figures of several weeks in three grouped queries, in the order given (no unit with a zero). */
  trendByUnit(weeks: readonly TrendWeek[]): Promise<TrendCounts[]>;
  /** Up to `limit` open top-level tasks after `afterId`, in id order, for the 三色 counts. */
  openForColours(afterId: number, limit: number): Promise<ColourRow[]>;
  /** Top-level tasks assigned in the range, per unit on them (lead or co). */
  assignedByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /** Of those, the unit signed on the day of assignment. */
  ackedOnTimeByUnit(from: LocalDate, to: LocalDate): Promise<UnitCounts>;
  /**
   * Per unit, the top-level work assigned in [from, to] that was due to be signed before
   * `dueBefore` (its signing day, or the assignment day, has passed), or is signed: the base of
   * the same-day signing rate. Work assigned on a rest day is not counted before its signing day.
   */
  ackDueByUnit(from: LocalDate, to: LocalDate, dueBefore: LocalDate): Promise<UnitCounts>;
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
