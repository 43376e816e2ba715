import { commandButton } from '../core/command-button.js';
import type { Reply } from '../core/reply.js';
import { mention } from '../core/reply.js';
import type { ActionContext } from '../domain/action-context.js';
import type { PassedItem } from '../domain/coordination-substitute.js';
import { coordinationFields } from './coordination-view.js';
import { historyLine } from './history.js';

/** The notice for an item passed to a substitute (缺位递补): @-mentions them with the history so far. */
export async function substituteNotice(c: ActionContext, passed: PassedItem): Promise<Reply> {
  const { item, why } = passed;
  const to = item.ownerId;
  const task = await c.repos.tasks.findById(item.taskId);
  const history = await c.repos.audit.forSubject(item.code);
  const v = { directory: c.directory, calendar: c.calendar, today: c.today };
  return {
    tone: 'warning',
    title: `${item.code} 转由 ${c.directory.personName(to)} 协调（缺位递补）`,
    mentions: [to],
    fields: task ? coordinationFields(item, task, v, true) : [],
    lines: [`原因：${why}`, '协调经过：', ...history.slice(0, -1).map((r) => historyLine(r, c.directory))],
    note: `请 ${mention(to)} 接手出具协调意见（首问负责）。`,
    actions: [commandButton('coordinationOpinion', item.code, { label: '出具协调意见', forPersonIds: [to], input: { placeholder: '意见内容', required: true } })],
  };
}
