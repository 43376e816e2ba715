import { commandButton } from '../core/command-button.js';
import type { Reply } from '../core/reply.js';
import type { ActionContext } from '../domain/action-context.js';
import type { Escalation } from '../domain/actions/escalate-coordination.js';
import { LEVEL_LABEL } from '../domain/coordination.js';
import { addressPerson, withoutLeaders } from '../domain/leader-address.js';
import { coordinationFields } from './coordination-view.js';
import { historyLine } from './history.js';

/** The notice of an escalation in the chat the item came from: the new handlers (leaders named, not @-mentioned) and the history so far. */
export async function escalationNotice(c: Pick<ActionContext, 'repos' | 'directory' | 'calendar' | 'today'>, e: Escalation): Promise<Reply> {
  const { item, to, why, handlerIds: ids } = e;
  const task = await c.repos.tasks.findById(item.taskId);
  const history = await c.repos.audit.forSubject(item.code);
  const v = { directory: c.directory, calendar: c.calendar, today: c.today };
  return {
    tone: 'warning',
    title: `${item.code} 提请${LEVEL_LABEL[to]}`,
    mentions: withoutLeaders(c.directory, ids),
    fields: task ? coordinationFields(item, task, v, true) : [],
    lines: [`原因：${why}`, '协调经过：', ...history.slice(0, -1).map((r) => historyLine(r, c.directory))],
    note: `请 ${ids.map((id) => addressPerson(c.directory, id)).join('、')} 出具协调意见。`,
    actions: [commandButton('coordinationOpinion', item.code, { label: '出具协调意见', forPersonIds: ids, input: { placeholder: '意见内容', required: true } })],
  };
}

/** A settled position as a command's outcome: the reply, and the escalation's notice to the item's chat. */
export async function positionAnswer(
  c: Pick<ActionContext, 'repos' | 'directory' | 'calendar' | 'today'>,
  o: { reply: Reply; escalation?: Escalation },
): Promise<{ reply: Reply; notices?: Array<{ to: { kind: 'origin' }; reply: Reply }> }> {
  if (!o.escalation) return { reply: o.reply };
  return { reply: o.reply, notices: [{ to: { kind: 'origin' }, reply: await escalationNotice(c, o.escalation) }] };
}
