import type { ActionContext } from '../action-context.js';
import type { Task } from '../task.js';
import { daysBetween, isoShanghai } from '../../time/shanghai.js';

export interface CompletionOutcome {
  lateDays: number;
  /** Why the completion was drawn for 复核, if it was. */
  drawn?: 'key' | 'sample';
  /** The parent task, when this stage was its last open one and it completed with it. */
  parentCompleted?: { task: Task; drawn?: 'key' | 'sample' };
}

export interface SamplingOptions {
  random(): number;
  /** At least this share of completions is drawn; 重点 items always are. */
  verifyShare: number;
}

/**
 * Records a completion and draws it for 复核 (B三(七): at least 30% re-checked, every 重点
 * item). A random draw at `verifyShare`, topped up whenever the running share would fall
 * below it, so the rate holds without becoming predictable. A stage that completes its
 * parent completes the parent too.
 */
export async function completeTask(c: ActionContext, task: Task, result: string, actorId: string, s: SamplingOptions): Promise<CompletionOutcome> {
  const at = isoShanghai(c.now);
  await c.repos.tasks.addReport({ taskId: task.id, unitId: task.leadUnitId, personId: actorId, kind: 'result', percent: 100, text: result, at });
  await c.repos.tasks.complete(task.id, result, at, c.today);
  const lateDays = c.today > task.originalDeadline ? daysBetween(task.originalDeadline, c.today) : 0;
  await c.audit('complete', { result, onTime: lateDays === 0, lateDays }, { taskId: task.id });
  const drawn = await draw(c, task, s);
  const outcome: CompletionOutcome = { lateDays, drawn };
  if (task.parentId !== undefined) {
    const parent = await c.repos.tasks.findById(task.parentId);
    const stages = parent ? await c.repos.tasks.stages(parent.id) : [];
    const allDone = stages.every((st) => st.status === 'completed' || st.status === 'verified');
    if (parent && allDone && (parent.status === 'pending' || parent.status === 'active')) {
      const summary = `各阶段均已办结：${stages.map((st) => `${st.code} ${st.title}`).join('；')}`;
      await c.repos.tasks.addReport({ taskId: parent.id, unitId: parent.leadUnitId, personId: actorId, kind: 'result', percent: 100, text: summary, at });
      await c.repos.tasks.complete(parent.id, summary, at, c.today);
      const parentLate = c.today > parent.originalDeadline ? daysBetween(parent.originalDeadline, c.today) : 0;
      await c.audit('complete', { result: summary, onTime: parentLate === 0, lateDays: parentLate, auto: true }, { taskId: parent.id });
      outcome.parentCompleted = { task: parent, drawn: await draw(c, parent, s) };
    }
  }
  return outcome;
}

async function draw(c: ActionContext, task: Task, s: SamplingOptions): Promise<'key' | 'sample' | undefined> {
  let reason: 'key' | 'sample' | undefined;
  if (task.isKey) reason = 'key';
  else {
    const { completions, drawn } = await c.repos.verifications.sampleStats();
    if (s.random() < s.verifyShare || drawn < Math.ceil(s.verifyShare * completions)) reason = 'sample';
  }
  if (!reason) return undefined;
  const at = isoShanghai(c.now);
  await c.repos.verifications.draw({ taskId: task.id, unitId: task.leadUnitId, reason, drawnAt: at });
  await c.repos.tasks.update(task.id, { verification: 'pending' }, at);
  await c.audit('verify_draw', { reason }, { taskId: task.id });
  return reason;
}
