import type { LocalDate } from '../time/shanghai.js';

/**
 * 考核与台账 beyond single tasks: 效能告诫 (L四(五), L五(三)), 容错免责 (H14, Q三(二)),
 * 整改清单 (H1, H13, Q二(一)1) and the 书面说明 of the 10% rule (H3).
 */

/** One 效能告诫 in the register; a withdrawn one stays on record but no longer counts. */
export interface EfficiencyWarning {
  id: number;
  /** `G-0001`. */
  code: string;
  /** The person warned; absent when the unit itself is warned. */
  personId?: string;
  unitId: string;
  date: LocalDate;
  reason: string;
  issuerId: string;
  /** The task the warning is about, if any. */
  taskId?: number;
  /** The 限期整改 task that came with it. */
  rectifyTaskId?: number;
  at: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
  withdrawReason?: string;
}

export function formatWarningCode(n: number): string {
  return `G-${String(n).padStart(4, '0')}`;
}

export function normalizeWarningCode(text: string): string | undefined {
  const m = /^[Gg][-－—_]?\s*(\d{1,9})$/.exec(text.normalize('NFKC').trim());
  return m && Number(m[1]) > 0 ? formatWarningCode(Number(m[1])) : undefined;
}

/** L四(五): the consequence a person's warnings in one calendar year carry. */
export function personConsequence(count: number): string | undefined {
  if (count >= 2) return '当年考核定为不称职';
  if (count === 1) return '当年考核不得评为称职以上';
  return undefined;
}

/** L四(五): a warned unit. */
export const UNIT_CONSEQUENCE = '通报批评，取消领导班子当年评优评先资格';

/** A 免责 proposed by the 督查室 and confirmed (or refused) by the 秘书长. */
export interface Excusal {
  id: number;
  taskId: number;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  status: 'proposed' | 'confirmed' | 'refused';
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
}

/** Marks a task carries besides its row. */
export interface TaskMarks {
  urgent: boolean;
  /** The year of the 年度工作计划 the task was marked into. */
  planYear?: number;
  /** 再督查: the task this one follows up. */
  followUpOf?: number;
  /** When a 回头看 last re-checked it. */
  lookedBackAt?: string;
}

export type RectificationOrigin = 'manual' | 'quarterly' | 'warning' | 'explanation';

/** A 整改清单: a task whose stages are the items. */
export interface RectificationList {
  taskId: number;
  unitId: string;
  reason: string;
  origin: RectificationOrigin;
  sourceTaskId?: number;
  openedDate: LocalDate;
}

/** A 书面说明 given under the 10% rule. */
export interface PlanExplanation {
  id: number;
  unitId: string;
  year: number;
  text: string;
  givenBy: string;
  at: string;
  date: LocalDate;
}

/** H3: more than 10% of the year's plan not carried out by its deadline. */
export function overPlanShare(items: number, missed: number): boolean {
  return items > 0 && missed / items > 0.1;
}
