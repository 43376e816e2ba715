import type { ActionContext } from '../action-context.js';
import type { Excusal } from '../assessment.js';
import type { Task } from '../task.js';
import { isoShanghai } from '../../time/shanghai.js';

/** The 督查室 proposes to excuse a task's lapse (容错, H14, Q三(二)); nothing changes until the 秘书长 confirms. */
export async function proposeExcusal(c: ActionContext, task: Task, by: string, reason: string): Promise<Excusal> {
  const e = await c.repos.excusals.propose({ taskId: task.id, reason, proposedBy: by, proposedAt: isoShanghai(c.now) });
  await c.audit('excuse_propose', { reason }, { taskId: task.id });
  return e;
}

/**
 * The 秘书长 confirms: the lapse drops out of the 日常考核工作台账 and the ranking, the climb
 * stops, and a task waiting on the 拟移交 list (not decided) comes off it. The record keeps why.
 */
export async function confirmExcusal(c: ActionContext, task: Task, e: Excusal, by: string, note?: string): Promise<{ withdrawn: boolean }> {
  const at = isoShanghai(c.now);
  await c.repos.excusals.decide(e.id, 'confirmed', by, at, note);
  if (!task.climbStoppedAt) await c.repos.tasks.update(task.id, { climbStoppedAt: at }, at);
  const proposal = await c.repos.ladder.currentProposal(task.id);
  const withdrawn = !!proposal && (proposal.status === 'listed' || proposal.status === 'proposed');
  if (proposal && withdrawn) await c.repos.ladder.updateProposal(proposal.id, { status: 'withdrawn', decisionNote: `免责：${e.reason}` });
  await c.audit('excuse_confirm', { reason: e.reason, note, withdrawn }, { taskId: task.id });
  return { withdrawn };
}

export async function refuseExcusal(c: ActionContext, task: Task, e: Excusal, by: string, note: string): Promise<void> {
  await c.repos.excusals.decide(e.id, 'refused', by, isoShanghai(c.now), note);
  await c.audit('excuse_refuse', { reason: e.reason, note }, { taskId: task.id });
}
