import type { EfficiencyWarning, Excusal, PlanExplanation, RectificationList, TaskMarks } from '../../src/domain/assessment.js';
import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: 考核与台账: warnings, 免责, task marks, 整改清单, 书面说明 and year figures. */

export interface WarningRepository {
  add(w: Omit<EfficiencyWarning, 'id' | 'code'>): Promise<EfficiencyWarning>;
  findByCode(code: string): Promise<EfficiencyWarning | undefined>;
  setRectifyTask(id: number, taskId: number): Promise<void>;
  withdraw(id: number, by: string, at: string, reason: string): Promise<void>;
  /** Warnings dated in the range (withdrawn ones included), oldest first. */
  inRange(from: LocalDate, to: LocalDate): Promise<EfficiencyWarning[]>;
}

export interface ExcusalRepository {
  propose(e: Omit<Excusal, 'id' | 'status'>): Promise<Excusal>;
  /** The latest 免责 on the task, whatever its state. */
  current(taskId: number): Promise<Excusal | undefined>;
  decide(id: number, status: 'confirmed' | 'refused', by: string, at: string, note?: string): Promise<void>;
  /** Every confirmed 免责 (the few lapses excused), oldest first. */
  confirmed(): Promise<Excusal[]>;
}

export interface TaskMarkRepository {
  get(taskId: number): Promise<TaskMarks>;
  set(taskId: number, marks: Partial<TaskMarks>): Promise<void>;
  /** Ids of open tasks marked 紧急. */
  urgentOpen(): Promise<number[]>;
}

export interface RectificationRepository {
  add(list: RectificationList): Promise<void>;
  find(taskId: number): Promise<RectificationList | undefined>;
  /** Lists opened in the range, oldest first. */
  opened(from: LocalDate, to: LocalDate): Promise<RectificationList[]>;
}

/** Per-unit figures of a year's plan (H3), and per-person figures for the 年终考核. */
export interface PlanFigures {
  /** Top-level items of the year's plan: deadline in the year, or marked 年度计划 for it. */
  items: number;
  /** Of those, not carried out by their deadline in force as of the cutoff. */
  missed: number;
  onTime: number;
}

export interface PersonFigures {
  personId: string;
  unitId: string;
  items: number;
  onTime: number;
  overdue: number;
}

export interface AssessmentStatsRepository {
  /** Per lead unit: the year's plan items, those missed before `cutoff`, those done on time. Excused items left out. */
  planByUnit(year: number, cutoff: LocalDate): Promise<Map<string, PlanFigures>>;
  /** Per responsible person: top-level items with a deadline in the range, on time, and overdue as of `cutoff`. */
  byPerson(from: LocalDate, to: LocalDate, cutoff: LocalDate): Promise<PersonFigures[]>;
  /** Per unit: how many top-level items reached each ladder step in the range. */
  stepsByUnit(from: LocalDate, to: LocalDate): Promise<Map<string, [number, number, number]>>;
  addExplanation(e: Omit<PlanExplanation, 'id'>): Promise<PlanExplanation>;
  explanations(year: number): Promise<PlanExplanation[]>;
}
