import type { ActionContext } from '../action-context.js';
import { isOpen, type Task } from '../task.js';
import { isoShanghai } from '../../time/shanghai.js';

/** What ended with a withdrawn task. */
export interface Withdrawn {
  /** Its stages still open, withdrawn with it. */
  stages: Task[];
  /** Coordination items (C-…) on it or its stages that were not yet agreed: they end with it. */
  coordinations: string[];
  /** Requests (延期, 难以执行) that were waiting for an answer: settled as withdrawn. */
  requests: string[];
}

/** Work that may still be withdrawn: not completed, not withdrawn. */
export function withdrawable(task: Task): boolean {
  return isOpen(task) || task.status === 'paused';
}

/**
 * 撤销交办 by the assigner or the office: the task (and its open stages) becomes 已撤销 and is
 * owed by no one; what was waiting on it ends with it, recorded in the same act: its open
 * coordination items close, its pending requests are settled as withdrawn, and a 拟移交 not yet
 * decided is withdrawn. The ledger keeps the task and its whole history.
 */
export async function withdrawTask(c: ActionContext, task: Task, d: { by: string; reason: string }): Promise<Withdrawn> {
  const at = isoShanghai(c.now);
  const stages = task.parentId === undefined ? (await c.repos.tasks.stages(task.id)).filter(withdrawable) : [];
  const out: Withdrawn = { stages, coordinations: [], requests: [] };
  for (const t of [task, ...stages]) {
    const coordinations: string[] = [];
    for (const item of await c.repos.coordinations.forTask(t.id)) {
      if (item.status === 'closed') continue;
      await c.repos.coordinations.update(item.id, { status: 'closed', closedAt: at, closeReason: 'withdrawn' });
      coordinations.push(item.code);
    }
    const requests: string[] = [];
    for (const r of await c.repos.requests.forTask(t.id)) {
      if (r.status !== 'pending') continue;
      await c.repos.requests.answer(r.id, { decision: 'withdrawn', decidedBy: d.by, decidedAt: at, note: d.reason });
      requests.push(r.kind === 'extension' ? '延期申请' : '难以执行反馈');
    }
    const proposal = await c.repos.ladder.currentProposal(t.id);
    if (proposal && (proposal.status === 'listed' || proposal.status === 'proposed')) {
      await c.repos.ladder.updateProposal(proposal.id, { status: 'withdrawn', decidedBy: d.by, decidedAt: at, decisionNote: `事项已撤销交办：${d.reason}` });
    }
    await c.repos.tasks.withdraw(t.id, at);
    await c.audit('withdraw', { reason: d.reason, ...(t === task ? {} : { stageOf: task.code }), coordinations, requests }, { taskId: t.id });
    out.coordinations.push(...coordinations);
    out.requests.push(...requests.map((r) => (t === task ? r : `${t.code} 的${r}`)));
  }
  return out;
}
