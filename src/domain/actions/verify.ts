import type { ActionContext } from '../action-context.js';
import type { Task } from '../task.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai } from '../../time/shanghai.js';

export interface VerifyInput {
  by: string;
  result: 'true' | 'false';
  note: string;
  /** 不实: the deadline to redo the work by (the deadline in force when absent). */
  deadline?: LocalDate | undefined;
  /** 回头看 (B四(五)): a re-check of an item already verified 属实. */
  lookBack: boolean;
  /** Record the re-check on the task (the 回头看 清单 lists items not yet looked back at). */
  markLookedBack: boolean;
}

/** What a 不实 finding reopened: the task as it now stands. */
export type VerifyOutcome = { result: 'true' } | { result: 'false'; reopened: Task; deadline: LocalDate };

/**
 * 复核 / 回头看: records the finding. 属实 closes the item (销号); 不实 sends it back to be redone
 * (退回重办) with its completion cleared. The first-step 通报 that 不实 brings is the caller's
 * (the ladder's `issueNotice`/`reachStep`).
 */
export async function recordVerification(c: ActionContext, task: Task, v: VerifyInput): Promise<VerifyOutcome> {
  const at = isoShanghai(c.now);
  let pending = v.lookBack ? undefined : await c.repos.verifications.pending(task.id);
  if (!pending) {
    await c.repos.verifications.draw({ taskId: task.id, unitId: task.leadUnitId, reason: 'manual', drawnAt: at });
    pending = await c.repos.verifications.pending(task.id);
  }
  if (!pending) throw new Error('verification row missing');
  await c.repos.verifications.record(pending.id, { result: v.result, note: v.note || undefined, verifiedBy: v.by, verifiedAt: at, verifiedDate: c.today });
  await c.audit('verify_result', { result: v.result, note: v.note, lookBack: v.lookBack }, { taskId: task.id });
  if (v.markLookedBack) await c.repos.marks.set(task.id, { lookedBackAt: at });
  if (v.result === 'true') {
    await c.repos.tasks.update(task.id, { status: 'verified', verification: 'true' }, at);
    return { result: 'true' };
  }
  const leadSigned = task.units.some((u) => u.role === 'lead' && u.ackedAt);
  const deadline = v.deadline ?? task.deadline;
  const status = leadSigned ? ('active' as const) : ('pending' as const);
  await c.repos.tasks.update(task.id, { status, verification: 'false', completedAt: null, completedDate: null, result: null, reopenCount: task.reopenCount + 1, deadline }, at);
  await c.audit('reopen', { reason: v.note, deadline, lookBack: v.lookBack }, { taskId: task.id });
  return { result: 'false', reopened: { ...task, deadline, status }, deadline };
}
