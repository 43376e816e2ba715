import type { Reply } from '../core/reply.js';
import { mention } from '../core/reply.js';
import { coordinationFields } from '../render/coordination-view.js';
import { historyLine } from '../render/history.js';
import type { ActionContext } from './action-context.js';
import type { Coordination } from './coordination.js';
import { effectiveDeputy } from './people-state.js';

/**
 * 缺位递补 for items already pending (H8): an open item whose owning 副秘书长 is away today
 * passes at once to whoever stands in (the named substitute, else the 秘书长). The
 * substitute becomes the owner, the answer clock restarts, the record says why, and the
 * substitute is @-mentioned with the history. Returns the notices, one per item passed.
 */
export async function passToSubstitutes(c: ActionContext, items: readonly Coordination[]): Promise<Array<{ item: Coordination; reply: Reply }>> {
  const out: Array<{ item: Coordination; reply: Reply }> = [];
  for (const item of items) {
    if (item.status !== 'open' || item.level !== 0) continue;
    const eff = await effectiveDeputy(c.repos, c.directory, item.ownerId, c.today);
    if (eff.personId === item.ownerId) continue;
    const why = eff.note ?? `${c.directory.personName(item.ownerId)}缺位，由${c.directory.personName(eff.personId)}递补（缺位递补）`;
    await c.repos.coordinations.update(item.id, { ownerId: eff.personId, ownerNote: why, handlerIds: [eff.personId], levelSince: c.today });
    await c.audit('coordinate_substitute', { code: item.code, from: item.ownerId, to: eff.personId, why }, { taskId: item.taskId, subject: item.code });
    const updated: Coordination = { ...item, ownerId: eff.personId, ownerNote: why, handlerIds: [eff.personId], levelSince: c.today };
    const task = await c.repos.tasks.findById(item.taskId);
    const history = await c.repos.audit.forSubject(item.code);
    const v = { directory: c.directory, calendar: c.calendar, today: c.today };
    out.push({
      item: updated,
      reply: {
        tone: 'warning',
        title: `${item.code} 转由 ${c.directory.personName(eff.personId)} 协调（缺位递补）`,
        mentions: [eff.personId],
        fields: task ? coordinationFields(updated, task, v, true) : [],
        lines: [`原因：${why}`, '协调经过：', ...history.slice(0, -1).map((r) => historyLine(r, c.directory))],
        note: `请 ${mention(eff.personId)} 接手出具协调意见（首问负责）。`,
        actions: [{ label: '出具协调意见', command: `协调意见 ${item.code}`, forPersonIds: [eff.personId], input: { placeholder: '意见内容', required: true } }],
      },
    });
  }
  return out;
}
