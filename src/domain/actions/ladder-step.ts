import type { ActionContext } from '../action-context.js';
import type { Task } from '../task.js';
import { NOTICE_ISSUER, noticeNumber, type LadderStep, type LadderTrigger } from '../ladder.js';
import { isoShanghai, splitDate } from '../../time/shanghai.js';

/** Allocates the next number of the step's notice series for this year: `督查室通报〔2026〕第N期`. */
export async function issueNotice(c: ActionContext, step: 1 | 2): Promise<string> {
  const [year] = splitDate(c.today);
  const n = await c.repos.ladder.nextNoticeNo(NOTICE_ISSUER[step], year);
  return noticeNumber(NOTICE_ISSUER[step], year, n);
}

/**
 * Records that a task reached a step of 两通报、一移交, with the notice that announced it.
 * Step 1 is the entry in the 日常考核工作台账; step 3 puts the task on the 拟移交 list (it
 * hands nothing over: only a leader's approval does). The task's step only ever rises;
 * a 复核不实 is recorded as a first-step event even on a task already higher up.
 * Returns false when nothing new happened (the step was reached before by the same trigger).
 */
export async function reachStep(c: ActionContext, task: Task, step: LadderStep, trigger: LadderTrigger, notice?: string): Promise<boolean> {
  const at = isoShanghai(c.now);
  if (step <= task.ladderStep && trigger !== 'untrue') return false;
  await c.repos.ladder.addEvent({
    taskId: task.id,
    rootId: task.parentId ?? task.id,
    unitId: task.leadUnitId,
    step,
    trigger,
    date: c.today,
    at,
    notice,
  });
  if (step > task.ladderStep) {
    await c.repos.tasks.update(task.id, { ladderStep: step }, at);
    task.ladderStep = step;
  }
  if (step === 3) {
    const current = await c.repos.ladder.currentProposal(task.id);
    if (!current || current.status === 'withdrawn') await c.repos.ladder.list(task.id, at);
  }
  await c.audit('ladder_step', { step, trigger, notice }, { taskId: task.id });
  return true;
}

/** The step a chase count calls for, unless an accepted explanation stopped the climb. */
export function stepForChase(task: Pick<Task, 'ladderStep' | 'climbStoppedAt'>, chaseNo: number): LadderStep | undefined {
  if (task.climbStoppedAt) return undefined;
  const step = Math.min(chaseNo, 3) as LadderStep;
  return step > task.ladderStep ? step : undefined;
}
