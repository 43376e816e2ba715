import type { LocalDate } from '../time/shanghai.js';
import type { SourceKind } from './sources.js';

/** 待签收 → 办理中 → 已办结 → 已复核; 暂缓执行 stops the clock; 已撤销: withdrawn by its assigner or the office (撤销交办), owed by no one. */
export type TaskStatus = 'pending' | 'active' | 'completed' | 'verified' | 'paused' | 'withdrawn';

export const STATUS_LABEL: Record<TaskStatus, string> = {
  pending: '待签收',
  active: '办理中',
  completed: '已办结',
  verified: '已复核',
  paused: '暂缓执行',
  withdrawn: '已撤销',
};

/** Statuses in which the work is still owed (and can become overdue). */
export const OPEN_STATUSES: readonly TaskStatus[] = ['pending', 'active'];
export const DONE_STATUSES: readonly TaskStatus[] = ['completed', 'verified'];
/** Every status, withdrawn included (a filter without statuses leaves withdrawn work out). */
export const ALL_STATUSES: readonly TaskStatus[] = Object.keys(STATUS_LABEL) as TaskStatus[];

export type UnitRole = 'lead' | 'co';

export interface TaskUnit {
  unitId: string;
  role: UnitRole;
  responsibleId: string;
  ackedAt?: string;
  ackedBy?: string;
  /** A co-unit reported its part done (完成配合): it is no longer chased for this task. */
  partDoneAt?: string;
  partDoneText?: string;
}

export interface MessageRef {
  platform: string;
  chatId: string;
  messageId: string;
}

export interface Task {
  id: number;
  code: string;
  title: string;
  source: SourceKind;
  isKey: boolean;
  status: TaskStatus;
  assignerId: string;
  assignedAt: string;
  assignedDate: LocalDate;
  /** The deadline first set: on-time statistics are measured against it. */
  originalDeadline: LocalDate;
  /** The deadline in force (after approved extensions): chasing uses it. */
  deadline: LocalDate;
  leadUnitId: string;
  /** Lead unit first, then co-units in the order named. */
  units: TaskUnit[];
  progress?: number;
  lastProgressAt?: string;
  completedAt?: string;
  completedDate?: LocalDate;
  result?: string;
  chaseCount: number;
  origin: MessageRef;
  updatedAt: string;
  /** Set on a stage (阶段): the task it belongs to. */
  parentId?: number;
  /** Set on a stage: who split the task into stages. */
  splitBy?: string;
  /** When 暂缓执行 stopped the clock. */
  pausedAt?: string;
  /** Approved extensions so far; a second one is flagged. */
  extensionCount: number;
  /** 复核 state: drawn and waiting, found true, or found untrue (reopened). */
  verification?: 'pending' | 'true' | 'false';
  reopenCount: number;
  /** When the leader approved handing it over to the 纪检监察机关 (never set by the bot alone). */
  accountabilityAt?: string;
  lastChasedDate?: LocalDate;
  /** Work assigned after working hours is due for 签收 by the end of the next working day; unset: the day of assignment. */
  ackDue?: LocalDate;
  /** The highest step of 两通报、一移交 reached (0: none). */
  ladderStep: number;
  /** When the office accepted the unit's explanation (说明属实): the climb stops. */
  climbStoppedAt?: string;
}

export function isOpen(task: Pick<Task, 'status'>): boolean {
  return OPEN_STATUSES.includes(task.status);
}

/** Overdue is derived from the deadline in force and today, never stored. */
export function isOverdue(task: Pick<Task, 'status' | 'deadline'>, today: LocalDate): boolean {
  return isOpen(task) && task.deadline < today;
}

export function leadUnit(task: Task): TaskUnit {
  const lead = task.units.find((u) => u.role === 'lead');
  if (!lead) throw new Error(`task ${task.code} has no lead unit`);
  return lead;
}

export function formatTaskCode(n: number): string {
  return `D-${String(n).padStart(4, '0')}`;
}

/** Accepts D-0001, d-1, D0001, d１, and stage codes D-0001-2; returns the canonical code, or undefined. */
export function normalizeTaskCode(text: string): string | undefined {
  const m = /^[Dd][-－—_]?\s*(\d{1,9})(?:[-－—_](\d{1,3}))?$/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n <= 0) return undefined;
  return m[2] !== undefined ? `${formatTaskCode(n)}-${Number(m[2])}` : formatTaskCode(n);
}

export const TASK_CODE_PATTERN = /[Dd][-－—_]?\d{1,9}(?:[-－—_]\d{1,3}(?!\d))?/g;
