import type { ActionContext } from '../action-context.js';
import type { Directory } from '../../directory/directory.js';
import type { Task } from '../task.js';
import type { LadderNote } from '../ladder.js';
import { isoShanghai } from '../../time/shanghai.js';

/**
 * The leader a unit's 主要负责人 explains to (B五(一)): the assigner when a 主要领导 or 分管领导
 * (his own 批示 or 交办), else the 分管领导 of the lead unit, else the 主要领导.
 */
export function assigningLeader(task: Pick<Task, 'assignerId' | 'leadUnitId'>, d: Directory): string | undefined {
  const assigner = d.person(task.assignerId);
  if (assigner && (assigner.roles.includes('主要领导') || assigner.roles.includes('分管领导'))) return assigner.id;
  return d.coveringUnit('分管领导', task.leadUnitId)[0]?.id ?? d.withRole('主要领导')[0]?.id;
}

/** A leader's explicit 整改要求, due on `due`: not carried out by then, the task reaches step 2. */
export async function recordDemand(c: ActionContext, task: Task, leaderId: string, text: string, due: string): Promise<LadderNote> {
  const note = await c.repos.ladder.addNote({
    taskId: task.id,
    kind: 'demand',
    authorId: leaderId,
    leaderId,
    text,
    due,
    at: isoShanghai(c.now),
    date: c.today,
    status: 'open',
  });
  await c.audit('rectify_demand', { text, due }, { taskId: task.id });
  return note;
}

/** The unit head's 说明 with the 整改落实措施, owed to the assigning leader; delivered in the leader's 专报. */
export async function recordExplanation(c: ActionContext, task: Task, authorId: string, text: string, measures: string): Promise<LadderNote> {
  const leaderId = assigningLeader(task, c.directory) ?? task.assignerId;
  const note = await c.repos.ladder.addNote({
    taskId: task.id,
    kind: 'explanation',
    authorId,
    leaderId,
    text,
    measures,
    at: isoShanghai(c.now),
    date: c.today,
    status: 'open',
  });
  await c.audit('explanation', { text, measures, leader: leaderId }, { taskId: task.id });
  return note;
}

/**
 * The office accepts the explanation (说明属实): the climb stops, and a task waiting on the
 * 拟移交 list (not yet decided) comes off it.
 */
export async function acceptExplanation(c: ActionContext, task: Task, note: LadderNote, remark: string): Promise<{ withdrawn: boolean }> {
  const at = isoShanghai(c.now);
  await c.repos.ladder.setNoteStatus(note.id, 'accepted');
  await c.repos.tasks.update(task.id, { climbStoppedAt: at }, at);
  const proposal = await c.repos.ladder.currentProposal(task.id);
  const withdrawn = !!proposal && (proposal.status === 'listed' || proposal.status === 'proposed');
  if (proposal && withdrawn) await c.repos.ladder.updateProposal(proposal.id, { status: 'withdrawn', decisionNote: '单位说明经督查室认定属实' });
  await c.audit('explanation_accept', { remark, withdrawn }, { taskId: task.id });
  return { withdrawn };
}

/** A unit's 书面说明 for missing more than 10% of its year plan (登记 by the unit head or the office). */
export async function recordPlanExplanation(c: ActionContext, a: { unitId: string; year: number; text: string; by: string }): Promise<void> {
  await c.repos.assessment.addExplanation({ unitId: a.unitId, year: a.year, text: a.text, givenBy: a.by, at: isoShanghai(c.now), date: c.today });
  await c.audit('plan_explanation', { unit: a.unitId, year: a.year, text: a.text }, { subject: `plan:${a.unitId}:${a.year}` });
}
