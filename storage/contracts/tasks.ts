import type { LocalDate } from '../../src/time/shanghai.js';
import type { MessageRef, Task, TaskStatus, UnitRole } from '../../src/domain/task.js';
import type { SourceKind } from '../../src/domain/sources.js';

/** Storage contract: Tasks (督办事项): the task, its units, reports and stages. */

export interface NewTask {
  title: string;
  source: SourceKind;
  isKey: boolean;
  assignerId: string;
  assignedAt: string;
  assignedDate: LocalDate;
  deadline: LocalDate;
  units: Array<{ unitId: string; role: UnitRole; responsibleId: string }>;
  origin: MessageRef;
  /** For a stage: the parent task; its code is `<parent code>-<n>`. */
  parent?: { id: number; code: string };
  /** For a stage: who split the task (the stage keeps the task's assigner too). */
  splitBy?: string;
}

/** Columns a command may change directly; `null` clears. */
export interface TaskPatch {
  status?: TaskStatus;
  deadline?: LocalDate;
  originalDeadline?: LocalDate;
  pausedAt?: string | null;
  extensionCount?: number;
  verification?: 'pending' | 'true' | 'false' | null;
  reopenCount?: number;
  completedAt?: string | null;
  completedDate?: LocalDate | null;
  result?: string | null;
  assignerId?: string;
  chaseCount?: number;
  accountabilityAt?: string;
  lastChasedDate?: LocalDate;
  /** The day 签收 is due when it is not the day of assignment (work assigned after hours). */
  ackDue?: LocalDate;
  ladderStep?: number;
  climbStoppedAt?: string | null;
}

export interface TaskFilter {
  /** Any of these; when absent, every status but withdrawn (撤销交办), which is listed only when named here. */
  statuses?: readonly TaskStatus[];
  /** Tasks the unit is on (lead or co). */
  unitId?: string;
  /** Tasks on which the person is the responsible person of a unit. */
  responsibleId?: string;
  /** Deadline in force strictly before this date. */
  deadlineBefore?: LocalDate;
  deadlineFrom?: LocalDate;
  deadlineTo?: LocalDate;
  assignedFrom?: LocalDate;
  assignedTo?: LocalDate;
  completedFrom?: LocalDate;
  completedTo?: LocalDate;
  /** true: some unit on the task has not acknowledged yet; false: every unit has. */
  unacknowledged?: boolean;
  /** Only 重点 (key) tasks, or only the others. */
  isKey?: boolean;
  /** Only work marked 紧急 (task_marks.urgent). */
  isUrgent?: boolean;
  /** Only work whose deadline was extended at least once (an approved 延期). */
  extended?: boolean;
  /** Only work returned at least once after a failed 复核 (退回重办). */
  reopened?: boolean;
  /** Only work whose ladder reached at least this step (3: the 拟移交 list). */
  minLadderStep?: number;
  /** Only work with a request of this kind waiting for its answer. */
  pendingRequest?: 'extension' | 'infeasible';
  /** Work of one source (来源), by its kind. */
  source?: string;
  /** With `unitId`: only tasks the unit leads, or only those it co-operates on. */
  unitRole?: 'lead' | 'co';
  /** true: completed after the original deadline (逾期办结); false: on or before it. */
  completedLate?: boolean;
  /** What the asker may see, applied on top of every other condition (same shape as `scope`). */
  visibleTo?: { unitIds: readonly string[]; personId: string };
  assignerId?: string;
  /** Visibility: tasks on any of these units, or assigned by / given to this person. */
  scope?: { unitIds: readonly string[]; personId: string };
  /** Only tasks with a larger id (paging through large lists in id order). */
  idAfter?: number;
  /** Leave out stages (阶段) and count only whole tasks. */
  topLevelOnly?: boolean;
  parentId?: number;
  order?: 'deadline' | 'assigned' | 'code';
  limit?: number;
}

/** How many of the newest tasks sameAssignment looks through. */
export const SAME_ASSIGNMENT_WINDOW = 500;

export interface TaskRepository {
  create(input: NewTask): Promise<Task>;
  findByCode(code: string): Promise<Task | undefined>;
  findById(id: number): Promise<Task | undefined>;
  /**
   * The code of a top-level task the same person assigned the same day with the same title,
   * lead unit and deadline: a 交办 sent twice. Looked for among the newest
   * SAME_ASSIGNMENT_WINDOW tasks only, so the check costs the same on any ledger (a province
   * assigns far fewer a day); one older than that is not found, never wrongly found.
   */
  sameAssignment(q: { assignerId: string; title: string; leadUnitId: string; deadline: string; assignedDate: string }): Promise<string | undefined>;
  /** The tasks with these ids (those that exist), in id order: many at once for a job's page. */
  findByIds(ids: readonly number[]): Promise<Task[]>;
  list(filter: TaskFilter): Promise<Task[]>;
  count(filter: TaskFilter): Promise<number>;
  acknowledge(taskId: number, unitId: string, personId: string, at: string): Promise<void>;
  addReport(report: { taskId: number; unitId: string; personId: string; kind: 'progress' | 'result'; percent?: number; text: string; at: string }): Promise<void>;
  reports(taskId: number): Promise<ProgressReport[]>;
  /** Reports (进展 and 办结) made from `from` (inclusive) to `to` (exclusive), ISO instants: the newest `limit` of them, oldest first. */
  reportsBetween(from: string, to: string, limit: number): Promise<Array<ProgressReport & { taskId: number }>>;
  complete(taskId: number, result: string, at: string, date: LocalDate): Promise<void>;
  update(taskId: number, patch: TaskPatch, at: string): Promise<void>;
  /** 撤销交办: the task becomes 已撤销, and a top-level task leaves the per-day assigned counts of its units (assigned_days). */
  withdraw(taskId: number, at: string): Promise<void>;
  stages(parentId: number): Promise<Task[]>;
  /** Makes `to` the responsible person wherever `from` is, on open tasks; returns the tasks touched. */
  transferResponsible(from: string, to: string, at: string, taskId?: number): Promise<number[]>;
  /** A co-unit reports its part done (完成配合): no longer chased or counted for this task. */
  markPartDone(taskId: number, unitId: string, text: string, at: string): Promise<void>;
}

export interface ProgressReport {
  unitId: string;
  personId: string;
  kind: 'progress' | 'result';
  percent?: number;
  text: string;
  at: string;
}
