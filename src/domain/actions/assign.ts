import type { ActionContext } from '../action-context.js';
import type { MessageRef, Task, UnitRole } from '../task.js';
import type { SourceKind } from '../sources.js';
import type { TaskMarks } from '../assessment.js';
import { signingDay } from '../signing-day.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai, localTime } from '../../time/shanghai.js';

export interface AssignInput {
  title: string;
  source: SourceKind;
  isKey: boolean;
  assignerId: string;
  deadline: LocalDate;
  /** The words the deadline was given in (`3个工作日`, `月底`), for the record. */
  deadlineExpression?: string | undefined;
  /** First the lead unit, then the co-units. */
  units: Array<{ unitId: string; role: UnitRole; responsibleId: string }>;
  origin: MessageRef;
  /** Extra facts for the audit record (e.g. `rectification: true` for a 限时整改 task). */
  note?: Record<string, unknown>;
  /** Marks kept beside the task (紧急, 年度计划, 再督查 of an earlier item). */
  marks?: Partial<TaskMarks>;
}

export interface AssignOutcome {
  task: Task;
  /** The day 签收 is due: today, or the next working day for work assigned after hours. */
  ackDue: LocalDate;
}

/**
 * 交办: creates the task and records it. Work assigned outside working hours (after
 * `workEnd`, or on a rest day) may be signed until the end of the next working day.
 */
export async function assignTask(c: ActionContext, input: AssignInput, opts: { workEnd?: string | undefined }): Promise<AssignOutcome> {
  const at = isoShanghai(c.now);
  const task = await c.repos.tasks.create({
    title: input.title,
    source: input.source,
    isKey: input.isKey,
    assignerId: input.assignerId,
    assignedAt: at,
    assignedDate: c.today,
    deadline: input.deadline,
    units: input.units,
    origin: input.origin,
  });
  const ackDue = signingDay(c.today, localTime(c.now), c.calendar, opts.workEnd);
  if (ackDue !== c.today) {
    await c.repos.tasks.update(task.id, { ackDue }, at);
    task.ackDue = ackDue;
  }
  if (input.marks && Object.values(input.marks).some((v) => v !== undefined)) await c.repos.marks.set(task.id, input.marks);
  await c.audit(
    'assign',
    {
      title: input.title,
      source: input.source,
      isKey: input.isKey,
      deadline: input.deadline,
      ...(input.deadlineExpression !== undefined ? { deadlineExpression: input.deadlineExpression } : {}),
      ...(ackDue !== c.today ? { ackDue } : {}),
      lead: input.units[0]?.unitId,
      units: input.units,
      ...input.note,
    },
    { taskId: task.id },
  );
  return { task, ackDue };
}
