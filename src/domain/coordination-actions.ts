import { commandButton } from '../core/command-button.js';
import type { Reply } from '../core/reply.js';
import { coordinationFields } from '../render/coordination-view.js';
import { historyLine } from '../render/history.js';
import type { ActionContext } from './action-context.js';
import type { Coordination, CoordinationLevel } from './coordination.js';
import { LEVEL_LABEL } from './coordination.js';
import { handlersAt, nextCoordinationStep } from './coordination-rules.js';
import { addressPerson, withoutLeaders } from './leader-address.js';

/**
 * Moves an item up H7's ladder: the next level's people become its handlers, the answer
 * clock restarts, and they are @-mentioned with the history so far.
 */
export async function escalateCoordination(c: ActionContext, item: Coordination, to: CoordinationLevel, why: string): Promise<Reply> {
  const { ids } = await handlersAt(to, item, c.repos, c.directory, c.today);
  await c.repos.coordinations.update(item.id, { level: to, handlerIds: ids, levelSince: c.today, status: 'open' });
  await c.audit('coordinate_escalate', { code: item.code, from: item.level, to, handlers: ids, why }, { taskId: item.taskId, subject: item.code });
  const updated = { ...item, level: to, handlerIds: ids, levelSince: c.today, status: 'open' as const };
  const task = await c.repos.tasks.findById(item.taskId);
  const history = await c.repos.audit.forSubject(item.code);
  const v = { directory: c.directory, calendar: c.calendar, today: c.today };
  return {
    tone: 'warning',
    title: `${item.code} 提请${LEVEL_LABEL[to]}`,
    mentions: withoutLeaders(c.directory, ids),
    fields: task ? coordinationFields(updated, task, v, true) : [],
    lines: [`原因：${why}`, '协调经过：', ...history.slice(0, -1).map((r) => historyLine(r, c.directory))],
    note: `请 ${ids.map((id) => addressPerson(c.directory, id)).join('、')} 出具协调意见。`,
    actions: [commandButton('coordinationOpinion', item.code, { label: '出具协调意见', forPersonIds: ids, input: { placeholder: '意见内容', required: true } })],
  };
}

/**
 * The scheduler's entry: every item waiting past its answer time climbs one level. Returns
 * the notices to post, each to the chat the item came from.
 */
export async function escalateOverdueCoordinations(
  c: ActionContext,
  answerDays: number,
): Promise<Array<{ item: Coordination; reply: Reply }>> {
  const out: Array<{ item: Coordination; reply: Reply }> = [];
  for (const item of await c.repos.coordinations.unresolved()) {
    const step = nextCoordinationStep(item, c.today, c.calendar, answerDays);
    if (step.kind !== 'escalate') continue;
    const reply = await escalateCoordination(c, item, step.to, `${LEVEL_LABEL[item.level]}超过 ${answerDays} 个工作日未出具意见`);
    out.push({ item, reply });
  }
  return out;
}
