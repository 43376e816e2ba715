import type { Reply } from '../core/reply.js';
import { LEVEL_LABEL } from '../domain/coordination.js';
import { coordinationStatusLabel } from '../domain/coordination-decision.js';
import { canSeeTask, scopeOf } from '../domain/visibility.js';
import type { QueryContext } from './query-context.js';
import type { Reading } from './reading.js';
import { UserError } from '../core/errors.js';

/**
 * The coordination items not yet agreed (待协调, or an opinion awaiting the parties' positions),
 * of one unit (requesting or asked) or all: those whose task the asker may see, or that they
 * handle or own. A count, or a line each: the item, its task, who must answer now, its state.
 */
export async function answerCoordinations(r: Extract<Reading, { kind: 'coordinations' }>, q: QueryContext): Promise<Reply> {
  const d = q.directory;
  const unitId = r.myUnit ? q.actor.unitId : r.unitId;
  if (r.myUnit && !unitId) throw new UserError('unknown_unit', '通讯录中没有登记您所属的单位，请直接说单位名称，如「交通厅有几件协调」。');
  const personId = r.me ? q.actor.id : r.personId;
  const count = r.count;
  const scope = scopeOf(q.actor);
  const lines: string[] = [];
  for (const item of await q.repos.coordinations.unresolved()) {
    if (unitId && item.requesterUnit !== unitId && !item.parties.some((p) => p.unitId === unitId)) continue;
    if (personId && !item.handlerIds.includes(personId) && item.ownerId !== personId && item.requesterId !== personId) continue;
    const task = await q.repos.tasks.findById(item.taskId);
    if (!task) continue;
    if (scope && !canSeeTask(scope, task) && !item.handlerIds.includes(q.actor.id) && item.ownerId !== q.actor.id) continue;
    const handlers = item.handlerIds.map((id) => d.personName(id)).join('、');
    lines.push(`${item.code}（${task.code} ${task.title}）｜${LEVEL_LABEL[item.level]}：${handlers}｜${coordinationStatusLabel(item, d)}`);
  }
  const who = personId ? `${r.me ? '我' : d.personName(personId)}经手的` : unitId ? d.unitName(unitId) : scope ? '您可查看的' : '全省';
  return {
    tone: 'info',
    title: `${who}尚未协调一致的协调事项：${lines.length} 件`,
    ...(count || lines.length === 0 ? {} : { lines }),
    note: lines.length > 0 ? '发「C-编号 协调得怎么样」查看一件的经过和各方表态。' : undefined,
  };
}
