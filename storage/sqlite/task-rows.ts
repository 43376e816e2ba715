import type { Task, TaskStatus, TaskUnit } from '../../src/domain/task.js';
import type { ProgressReport } from '../contracts/tasks.js';
import type { SourceKind } from '../../src/domain/sources.js';

/** The task and task-unit rows as the SQLite driver returns them, and their mapping to the domain. */
export interface TaskRow {
  id: number;
  code: string;
  title: string;
  source: string;
  is_key: number;
  status: string;
  assigner_id: string;
  assigned_at: string;
  assigned_date: string;
  original_deadline: string;
  deadline: string;
  lead_unit_id: string;
  progress: number | null;
  last_progress_at: string | null;
  completed_at: string | null;
  completed_date: string | null;
  result: string | null;
  chase_count: number;
  origin_platform: string;
  origin_chat_id: string;
  origin_message_id: string;
  updated_at: string;
  parent_id: number | null;
  paused_at: string | null;
  extension_count: number;
  verification: string | null;
  reopen_count: number;
  accountability_at: string | null;
  last_chased_date: string | null;
  split_by?: string | null;
  ack_due?: string | null;
  ladder_step: number;
  climb_stopped_at: string | null;
}

export interface UnitRow {
  task_id: number;
  unit_id: string;
  role: 'lead' | 'co';
  responsible_id: string;
  acked_at: string | null;
  acked_by: string | null;
  part_done_at: string | null;
  part_done_text: string | null;
}

export const OPT = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function rowToTask(r: TaskRow, units: TaskUnit[]): Task {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    source: r.source as SourceKind,
    isKey: r.is_key === 1,
    status: r.status as TaskStatus,
    assignerId: r.assigner_id,
    assignedAt: r.assigned_at,
    assignedDate: r.assigned_date,
    originalDeadline: r.original_deadline,
    deadline: r.deadline,
    leadUnitId: r.lead_unit_id,
    units,
    progress: OPT(r.progress),
    lastProgressAt: OPT(r.last_progress_at),
    completedAt: OPT(r.completed_at),
    completedDate: OPT(r.completed_date),
    result: OPT(r.result),
    chaseCount: r.chase_count,
    origin: { platform: r.origin_platform, chatId: r.origin_chat_id, messageId: r.origin_message_id },
    updatedAt: r.updated_at,
    parentId: OPT(r.parent_id),
    pausedAt: OPT(r.paused_at),
    extensionCount: r.extension_count,
    verification: OPT(r.verification) as Task['verification'],
    reopenCount: r.reopen_count,
    ackDue: OPT(r.ack_due ?? null),
    accountabilityAt: OPT(r.accountability_at),
    lastChasedDate: OPT(r.last_chased_date),
    splitBy: OPT(r.split_by ?? null),
    ladderStep: r.ladder_step,
    climbStoppedAt: OPT(r.climb_stopped_at),
  };
}

export function rowToUnit(u: UnitRow): TaskUnit {
  return { unitId: u.unit_id, role: u.role, responsibleId: u.responsible_id, ackedAt: OPT(u.acked_at), ackedBy: OPT(u.acked_by), partDoneAt: OPT(u.part_done_at), partDoneText: OPT(u.part_done_text) };
}

/** A progress_reports row as read for a task's or a period's reports. */
export interface ReportRow {
  unit_id: string;
  person_id: string;
  kind: 'progress' | 'result';
  percent: number | null;
  text: string;
  at: string;
}

export function reportOf(r: ReportRow): ProgressReport {
  return { unitId: r.unit_id, personId: r.person_id, kind: r.kind, percent: OPT(r.percent), text: r.text, at: r.at };
}
