import type { Task } from '../domain/task.js';
import { STATUS_LABEL, isOpen, isOverdue } from '../domain/task.js';
import { SOURCES } from '../domain/sources.js';
import { daysBetween, formatDateCn, shortFromIso } from '../time/shanghai.js';
import { mention, type ReplyField } from '../core/reply.js';
import type { ViewContext } from './view-context.js';
import { colourMark, type TaskColour } from './task-colour.js';

/** `12月15日（周二），还有 5 个工作日` / `今日到期` / `已逾期 3 天`. */
export function deadlineText(task: Pick<Task, 'deadline' | 'status'>, v: ViewContext): string {
  const date = formatDateCn(task.deadline, v.today);
  if (!isOpen(task)) return date;
  if (task.deadline === v.today) return `${date}，今日到期`;
  if (task.deadline < v.today) return `${date}，已逾期 ${daysBetween(task.deadline, v.today)} 天`;
  const left = v.calendar.workingDaysBetween(v.today, task.deadline);
  return `${date}，还有 ${left} 个工作日`;
}

/** Short status: 待签收 / 办理中 60% / 逾期 3 天 / 已办结. */
export function statusText(task: Task, v: ViewContext): string {
  if (isOverdue(task, v.today)) return `逾期 ${daysBetween(task.deadline, v.today)} 天（${STATUS_LABEL[task.status]}）`;
  // Returned after a failed 复核: the 100% of the completion no longer holds; the card's 最新进展 says what was reported since.
  if (task.status === 'active' && task.verification === 'false') return '退回重办（办理中）';
  if (task.status === 'active' && task.progress !== undefined) return `办理中 ${task.progress}%`;
  if (task.completedDate !== undefined && task.completedDate > task.originalDeadline) {
    const late = daysBetween(task.originalDeadline, task.completedDate);
    if (task.completedDate <= task.deadline) return `${STATUS_LABEL[task.status]}（延期内办结，较原定时限晚 ${late} 天）`;
    return `${STATUS_LABEL[task.status]}（逾期 ${late} 天）`;
  }
  return STATUS_LABEL[task.status];
}

export function unitShortName(unitId: string, v: ViewContext): string {
  const unit = v.directory.unit(unitId);
  if (!unit) return unitId;
  return [...unit.aliases].sort((a, b) => a.length - b.length)[0] ?? unit.name;
}

/**
 * One list line: `D-0001 推进营商环境优化｜牵头 发改委｜12-15 截止｜逾期 3 天｜🔴红`; the 三色 mark
 * ends the line when the task has a colour (completed and paused work has none).
 */
export function taskLine(task: Task, v: ViewContext, colour?: TaskColour): string {
  const title = task.title.length > 24 ? `${task.title.slice(0, 23)}…` : task.title;
  const key = task.isKey ? '【重点】' : '';
  const mark = colour ? `｜${colourMark(colour)}` : '';
  return `${task.code} ${key}${title}｜牵头 ${unitShortName(task.leadUnitId, v)}｜${task.deadline.slice(5)} 截止｜${statusText(task, v)}${mark}`;
}

/** Lead and co-units with their responsible people and acknowledgement state. */
export function unitFields(task: Task, v: ViewContext, withMentions: boolean): ReplyField[] {
  const describe = (unitId: string, responsibleId: string, ackedAt?: string, ackedBy?: string) => {
    const who = withMentions ? mention(responsibleId) : v.directory.personName(responsibleId);
    // Someone else of the unit may sign for it: the line names who did, never the responsible person for them.
    const signed = ackedBy && ackedBy !== responsibleId ? `由${v.directory.personName(ackedBy)}签收` : '已签收';
    const ack = ackedAt ? `，${shortFromIso(ackedAt)} ${signed}` : task.status === 'pending' || isOpen(task) ? '，未签收' : '';
    return `${v.directory.unitName(unitId)}（${who}${withMentions ? '' : ack}）`;
  };
  const lead = task.units.filter((u) => u.role === 'lead');
  const co = task.units.filter((u) => u.role === 'co');
  const fields: ReplyField[] = lead.map((u) => ({ label: '牵头', value: describe(u.unitId, u.responsibleId, u.ackedAt, u.ackedBy) }));
  if (co.length > 0) fields.push({ label: '配合', value: co.map((u) => describe(u.unitId, u.responsibleId, u.ackedAt, u.ackedBy)).join('；') });
  return fields;
}

/** Where the task stands on 两通报、一移交: only what people and the record have done. */
export function ladderText(task: Task): string {
  if (task.accountabilityAt) return `经省政府同意移交纪检监察机关（${shortFromIso(task.accountabilityAt)}）`;
  const step = ['', '督查室通报，已记入日常考核工作台账', '办公厅通报', '已列入拟移交名单'][task.ladderStep] ?? '';
  return `${step}${task.climbStoppedAt ? '；单位说明经认定属实，不再逐级上报' : ''}`;
}

/** The key facts of a task as reply fields. */
export function taskFields(task: Task, v: ViewContext): ReplyField[] {
  const fields: ReplyField[] = [
    { label: '事项', value: task.title },
    { label: '状态', value: statusText(task, v) },
    { label: '来源', value: SOURCES[task.source].label + (task.isKey ? '（重点）' : '') },
    { label: '交办', value: `${v.directory.personName(task.assignerId)}，${shortFromIso(task.assignedAt)}` },
    ...(task.splitBy ? [{ label: '分解', value: `${v.directory.personName(task.splitBy)}（阶段由其分解）` }] : []),
    ...unitFields(task, v, false),
    { label: '时限', value: deadlineText(task, v) },
  ];
  if (task.originalDeadline !== task.deadline) fields.push({ label: '原定时限', value: formatDateCn(task.originalDeadline, v.today) });
  if (task.completedAt) {
    const d = task.completedDate;
    const timing = d === undefined || d <= task.originalDeadline ? '（按期）' : d <= task.deadline ? '（经批准延期，在延长期限内办结）' : '（逾期办结）';
    fields.push({ label: '办结', value: `${shortFromIso(task.completedAt)}${timing}` });
  }
  if (task.result) fields.push({ label: '办理结果', value: task.result });
  if (task.chaseCount > 0) fields.push({ label: '催办', value: `${task.chaseCount} 次` });
  if (task.ladderStep > 0) fields.push({ label: '通报', value: ladderText(task) });
  return fields;
}
