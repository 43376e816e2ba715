import type { ActionContext } from '../action-context.js';
import type { Task } from '../task.js';
import type { HandoverProposal } from '../ladder.js';
import { headsOf } from '../people-state.js';
import { isoShanghai } from '../../time/shanghai.js';

/** The 督查室 or 秘书长 proposes a listed task for 移交 to the leader who decides. */
export async function proposeReferral(c: ActionContext, task: Task, p: HandoverProposal, by: string, reason: string, approverId: string): Promise<void> {
  await c.repos.ladder.updateProposal(p.id, { status: 'proposed', proposedBy: by, proposedAt: isoShanghai(c.now), reason, approverId });
  await c.audit('referral_propose', { reason, approver: approverId }, { taskId: task.id });
}

/**
 * The leader approves: only now is the task approved for hand-over to the 纪检监察机关 (经省政府同意移交; the hand-over itself is people's), naming the 主办单位负责人 (the
 * lead unit's head) and the 直接责任人 (the lead unit's responsible person).
 */
export async function approveReferral(c: ActionContext, task: Task, p: HandoverProposal, by: string, note: string): Promise<{ headId?: string; directId?: string }> {
  const at = isoShanghai(c.now);
  const headId = (await headsOf(c.repos, c.directory, task.leadUnitId, c.today))[0];
  const directId = task.units.find((u) => u.role === 'lead')?.responsibleId;
  await c.repos.ladder.updateProposal(p.id, { status: 'approved', decidedBy: by, decidedAt: at, decisionNote: note || undefined, headId, directId });
  await c.repos.tasks.update(task.id, { accountabilityAt: at }, at);
  await c.audit('referral_approve', { note, head: headId, direct: directId }, { taskId: task.id });
  return { headId, directId };
}

/** The leader declines, with a reason; the task stays in ordinary chasing. */
export async function refuseReferral(c: ActionContext, task: Task, p: HandoverProposal, by: string, note: string): Promise<void> {
  await c.repos.ladder.updateProposal(p.id, { status: 'refused', decidedBy: by, decidedAt: isoShanghai(c.now), decisionNote: note });
  await c.audit('referral_refuse', { note }, { taskId: task.id });
}
