import type { AuditRecord } from '../../storage/repositories.js';
import type { Coordination } from '../domain/coordination.js';
import { LEVEL_LABEL } from '../domain/coordination.js';
import { coordinationStatusLabel } from '../domain/coordination-decision.js';
import { addressPerson } from '../domain/leader-address.js';
import type { Task } from '../domain/task.js';
import type { Reply, ReplyField } from '../core/reply.js';
import { shortFromIso } from '../time/shanghai.js';
import { historyLine } from './history.js';
import type { ViewContext } from './view-context.js';

/** The facts of a coordination item as reply fields; handlers @-mentioned when `mentionHandlers`. */
export function coordinationFields(item: Coordination, task: Task, v: ViewContext, mentionHandlers: boolean): ReplyField[] {
  const d = v.directory;
  const fields: ReplyField[] = [
    { label: '事项', value: `${task.code} ${task.title}` },
    { label: '提请', value: `${d.unitName(item.requesterUnit)} ${d.personName(item.requesterId)}，${shortFromIso(item.openedAt)}` },
    { label: '事由', value: item.reason },
    { label: '首问负责', value: d.personName(item.ownerId) + (item.ownerNote ? `（${item.ownerNote}）` : '') },
    { label: '当前', value: `${LEVEL_LABEL[item.level]}：${item.handlerIds.map((id) => (mentionHandlers ? addressPerson(d, id) : d.personName(id))).join('、')}` },
    { label: '状态', value: coordinationStatusLabel(item, d) },
  ];
  if (item.opinion) fields.push({ label: '协调意见', value: `${item.opinion}（${d.personName(item.opinionBy ?? '')}）` });
  const stances = item.parties.map((p) => {
    const s = p.stance === 'agree' ? '同意' : p.stance === 'disagree' ? '不同意' : '未表态';
    const awaiting = p.stance && !p.confirmedBy ? '（待主要负责人确认）' : '';
    return `${d.unitName(p.unitId)}：${s}${awaiting}${p.position ? `，${p.position}` : ''}`;
  });
  fields.push({ label: '各方表态', value: stances.join('\n') });
  return fields;
}

/** A coordination item in full, with its history. */
export function coordinationDetail(item: Coordination, task: Task, v: ViewContext, history: AuditRecord[]): Reply {
  return {
    tone: 'info',
    title: `${item.code} 协调事项`,
    fields: coordinationFields(item, task, v, false),
    lines: [`办理记录（${history.length} 条）：`, ...history.map((r) => historyLine(r, v.directory))],
  };
}
