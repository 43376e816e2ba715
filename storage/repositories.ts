import type { LocalDate } from '../src/time/shanghai.js';
import type { MessageRef, Task, TaskStatus, UnitRole } from '../src/domain/task.js';
import type { SourceKind } from '../src/domain/sources.js';
import type { AuditAction } from '../src/domain/audit-actions.js';
import type {
  CoordinationRepository, PeopleStateRepository, RequestRepository, VerificationRepository,
} from './exception-repositories.js';

import type { ChaseRepository, JobRunRepository, StatsRepository } from './scheduling-repositories.js';
import type { LadderRepository } from './ladder-repositories.js';
import type {
  AssessmentStatsRepository, ExcusalRepository, RectificationRepository, TaskMarkRepository, WarningRepository,
} from './assessment-repositories.js';

export type * from './exception-repositories.js';
export type * from './scheduling-repositories.js';
export type * from './ladder-repositories.js';
export type * from './assessment-repositories.js';

/**
 * Storage contracts. Every method returns a Promise so that a server database can stand in
 * for SQLite without touching commands; all calls made inside one `Storage.transaction`
 * commit together or not at all.
 */

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

export interface TaskRepository {
  create(input: NewTask): Promise<Task>;
  findByCode(code: string): Promise<Task | undefined>;
  findById(id: number): Promise<Task | undefined>;
  /** The tasks with these ids (those that exist), in id order: many at once for a job's page. */
  findByIds(ids: readonly number[]): Promise<Task[]>;
  list(filter: TaskFilter): Promise<Task[]>;
  count(filter: TaskFilter): Promise<number>;
  acknowledge(taskId: number, unitId: string, personId: string, at: string): Promise<void>;
  addReport(report: {
    taskId: number; unitId: string; personId: string; kind: 'progress' | 'result'; percent?: number; text: string; at: string;
  }): Promise<void>;
  reports(taskId: number): Promise<ProgressReport[]>;
  complete(taskId: number, result: string, at: string, date: LocalDate): Promise<void>;
  update(taskId: number, patch: TaskPatch, at: string): Promise<void>;
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

/** Where a state change came from: a platform message, or a scheduled job run. */
export type AuditSource = { message: MessageRef } | { job: string };

export interface AuditEntry {
  at: string;
  actorId: string;
  action: string;
  taskId?: number;
  subject?: string;
  details: Record<string, unknown>;
  source: AuditSource;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditRepository {
  /** Only actions the code knows (and labels) can be written; stored ones read back as text. */
  append(entry: AuditEntry & { action: AuditAction }): Promise<void>;
  forTask(taskId: number): Promise<AuditRecord[]>;
  forSubject(subject: string): Promise<AuditRecord[]>;
  count(): Promise<number>;
}

export interface InboundRepository {
  /** Records a platform message as handled; false when it was handled before. */
  claim(platform: string, messageId: string, chatId: string, at: string, outcome: string): Promise<boolean>;
  setOutcome(platform: string, messageId: string, outcome: string): Promise<void>;
}

export interface NewInboxItem {
  platform: string;
  messageId: string;
  chatId: string;
  /** The normalized message, serialized. */
  payload: string;
  at: string;
}

export interface InboxItem extends NewInboxItem {
  seq: number;
}

/** Inbound events recorded before the platform is acknowledged, until processed. */
export interface InboxRepository {
  /** Records an event; undefined when the same (platform, message id) is already waiting. */
  record(item: NewInboxItem): Promise<number | undefined>;
  /** Everything still to process, in arrival order. */
  pending(): Promise<InboxItem[]>;
  done(seq: number): Promise<void>;
  /** The highest sequence number ever given (processed rows included). */
  lastSeq(): Promise<number>;
}

export interface ChatRecord {
  platform: string;
  chatId: string;
  kind: 'group' | 'direct';
  title?: string;
  /** Set when an administrator registered the group as a work group (本群登记为工作群). */
  registeredBy?: string;
}

export interface ChatRepository {
  touch(chat: ChatRecord, at: string): Promise<void>;
  /** Every group chat recorded (registered or not), oldest first. */
  groups(): Promise<ChatRecord[]>;
  /** Marks a recorded group as a work group; false when the chat is not recorded. */
  register(platform: string, chatId: string, by: string, at: string): Promise<boolean>;
  /** Clears the registration; false when it was not registered. */
  unregister(platform: string, chatId: string): Promise<boolean>;
}

export interface OutboxItem {
  id: number;
  platform: string;
  targetKind: 'chat' | 'person';
  targetId: string;
  replyTo?: string;
  payload: string;
  attempts: number;
  createdAt: string;
  origin: string;
}

export interface NewOutboxItem {
  platform: string;
  targetKind: 'chat' | 'person';
  targetId: string;
  replyTo?: string;
  payload: string;
  origin: string;
  at: string;
}

export interface OutboxRepository {
  enqueue(item: NewOutboxItem): Promise<number>;
  /** Pending items for a platform whose next attempt is due, oldest first. */
  due(platform: string, at: string, limit: number): Promise<OutboxItem[]>;
  markSent(id: number, at: string, remoteId?: string): Promise<void>;
  markFailed(id: number, error: string, nextAttemptAt: string, dead: boolean): Promise<void>;
  pendingCount(platform?: string): Promise<number>;
  /** Earliest next attempt among pending items for a platform. */
  nextAttemptAt(platform: string): Promise<string | undefined>;
}

export interface AccountBinding {
  platform: string;
  accountId: string;
  personId: string;
  boundBy: string;
  boundAt: string;
}

/** A 绑定 waiting for a second administrator's 确认绑定. */
export interface PendingBinding {
  id: number;
  platform: string;
  accountId: string;
  personId: string;
  replace: boolean;
  requestedBy: string;
  requestedAt: string;
}

export interface BindingRepository {
  personFor(platform: string, accountId: string): Promise<string | undefined>;
  accountFor(platform: string, personId: string): Promise<string | undefined>;
  /** Binds, replacing any earlier binding of the same account or of the person on that platform. */
  bind(binding: AccountBinding): Promise<void>;
  unbind(platform: string, personId: string): Promise<boolean>;
  list(platform?: string): Promise<AccountBinding[]>;
  /** Blocks an account (停用), whatever the directory file says; false when already blocked. */
  block(platform: string, accountId: string, by: string, at: string): Promise<boolean>;
  unblock(platform: string, accountId: string): Promise<boolean>;
  isBlocked(platform: string, accountId: string): Promise<boolean>;
  requestBinding(p: Omit<PendingBinding, 'id'>): Promise<number>;
  pending(): Promise<PendingBinding[]>;
  dropPending(id: number): Promise<void>;
}

export interface Repositories {
  tasks: TaskRepository;
  jobRuns: JobRunRepository;
  chases: ChaseRepository;
  ladder: LadderRepository;
  stats: StatsRepository;
  coordinations: CoordinationRepository;
  requests: RequestRepository;
  people: PeopleStateRepository;
  verifications: VerificationRepository;
  bindings: BindingRepository;
  audit: AuditRepository;
  inbound: InboundRepository;
  inbox: InboxRepository;
  chats: ChatRepository;
  outbox: OutboxRepository;
  warnings: WarningRepository;
  excusals: ExcusalRepository;
  marks: TaskMarkRepository;
  rectifications: RectificationRepository;
  assessment: AssessmentStatsRepository;
}

export interface Storage {
  /** Runs `fn` in one transaction; calls are serialized so transactions never interleave. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
