import type { TaskFilter } from '../../storage/repositories.js';
import { OPEN_STATUSES, type Task } from '../domain/task.js';
import { canSeeUnit, describeScope, scopeOf, type Scope } from '../domain/visibility.js';
import { UserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import { daysBetween } from '../time/shanghai.js';
import { weekOf } from '../calendar/periods.js';
import { conditionFilter, conditionLabel } from './list-filter.js';
import type { QueryContext } from './query-context.js';
import { listLines } from './list-lines.js';
import type { Reading } from './reading.js';

const LIST_LIMIT = 15;

type ListReading = Extract<Reading, { kind: 'list' }>;

interface Target {
  /** Who, as the title names it: 省发展改革委, 王芳负责的, 我交办的, 全省. */
  who: string;
  base: TaskFilter;
  unitId?: string;
}

/** Answers a list question (count, list, yes/no, all done?, longest overdue, overview) within what the asker may see. */
export async function answerList(r: ListReading, q: QueryContext): Promise<{ reply: Reply; scopeNote?: string }> {
  const scope = scopeOf(q.actor);
  const target = targetOf(r, q, scope);
  if (scope) target.base.visibleTo = scope;
  // A unit in scope and one's own work are seen whole; the province and another person's work may be cut.
  const cut = scope !== undefined && (r.subject.kind === 'all' || (r.subject.kind === 'person' && r.subject.personId !== q.actor.id));
  const scopeNote = cut ? `仅含您可查看的范围：${describeScope(scope, q.directory)}。` : undefined;
  if (cut && r.subject.kind === 'person') target.who = `${target.who}（您可查看范围内）`;
  if (r.form === 'overview') return { reply: await overview(target, q), scopeNote };
  const cond = conditionFilter(r.cond, q.today, q.calendar);
  const label = conditionLabel(r.cond);
  if (r.form === 'all_done' || r.form === 'all_acked') return { reply: await allDone(target, cond, label, q, r.form === 'all_acked'), scopeNote };
  const full: TaskFilter = { ...target.base, ...cond, order: r.cond.assigned || r.cond.completed ? 'assigned' : 'deadline' };
  const total = await q.repos.tasks.count(full);
  const limit = r.form === 'longest' ? 5 : LIST_LIMIT;
  const tasks = total > 0 ? await q.repos.tasks.list({ ...full, limit }) : [];
  const lines = await listLines(tasks, q, { unsigned: cond.unacknowledged === true, who: r.who });
  const what = `${target.who}${label}事项`;
  let title = `${what}：${total} 件`;
  if (r.form === 'yes_no') title = total > 0 ? `${what}：有 ${total} 件` : `${what}：没有`;
  if (r.form === 'longest') {
    const first = tasks[0];
    title = first ? `${target.who}逾期最久的事项：${first.code}（逾期 ${daysBetween(first.deadline, q.today)} 天）` : `${what}：0 件`;
    if (total > 0) lines.unshift(`${what}共 ${total} 件，逾期最久的 ${tasks.length} 件：`);
  } else if (target.unitId && total > 0) lines.unshift(leadSplit(tasks, target.unitId, total));
  return {
    reply: {
      tone: r.cond.overdue && total > 0 ? 'warning' : 'info',
      title,
      lines,
      note: total > tasks.length && r.form !== 'longest' ? `仅列出前 ${tasks.length} 件，可按单位或时间缩小范围。` : undefined,
    },
    scopeNote,
  };
}

function targetOf(r: ListReading, q: QueryContext, scope: Scope | undefined): Target {
  const s = r.subject;
  const rel = r.relation === 'assigned_by' ? '交办的' : r.relation === 'responsible' ? '负责的' : r.relation === 'lead' ? '牵头的' : r.relation === 'co' ? '配合的' : '';
  if (s.kind === 'unit' || s.kind === 'my_unit') {
    const unitId = s.kind === 'unit' ? s.unitId : q.actor.unitId;
    if (!unitId) throw new UserError('unknown_unit', '通讯录中没有登记您所属的单位，请直接说单位名称，如「发改委还有几件逾期」。');
    if (!canSeeUnit(scope, unitId)) {
      throw new UserError('no_permission', `您可查询的范围是：${describeScope(scope as Scope, q.directory)}。${q.directory.unitName(unitId)} 的事项请联系督查室或分管领导。`);
    }
    const role = r.relation === 'lead' ? 'lead' : r.relation === 'co' ? 'co' : undefined;
    return { who: `${q.directory.unitName(unitId)}${rel}`, base: { unitId, unitRole: role }, unitId: role ? undefined : unitId };
  }
  if (s.kind === 'person' || s.kind === 'me') {
    const personId = s.kind === 'person' ? s.personId : q.actor.id;
    const person = q.directory.person(personId);
    const visible = !scope || personId === q.actor.id || (person?.unitId !== undefined && scope.unitIds.includes(person.unitId));
    if (!visible && scope) {
      throw new UserError('no_permission', `您可查询的范围是：${describeScope(scope, q.directory)}。${q.directory.personName(personId)} 的事项请联系督查室。`);
    }
    const name = s.kind === 'me' ? '我' : q.directory.personName(personId);
    if (r.relation === 'assigned_by') return { who: `${name}交办的`, base: { assignerId: personId } };
    if (r.relation === 'responsible') return { who: `${name}负责的`, base: { responsibleId: personId } };
    // 我的 for a unit head also covers the unit's work.
    const headOf = s.kind === 'me' && q.actor.roles.includes('单位主要负责人') && q.actor.unitId ? [q.actor.unitId] : [];
    return { who: s.kind === 'me' ? '我的' : name, base: { scope: { unitIds: headOf, personId } } };
  }
  return { who: scope ? '您可查看范围内' : '全省', base: {} };
}

function leadSplit(tasks: Task[], unitId: string, total: number): string {
  if (tasks.length < total) return `其中列出 ${tasks.length} 件：`;
  const lead = tasks.filter((t) => t.leadUnitId === unitId).length;
  return `其中牵头 ${lead} 件，配合 ${tasks.length - lead} 件：`;
}

/** 都办完了吗 / 都签收了吗: how many of the matching items are not yet completed (or signed for). */
async function allDone(target: Target, cond: TaskFilter, label: string, q: QueryContext, signing: boolean): Promise<Reply> {
  const all = { ...target.base, ...cond };
  const total = await q.repos.tasks.count(all);
  const notYet: TaskFilter = signing ? { ...all, statuses: OPEN_STATUSES, unacknowledged: true, order: 'deadline' } : { ...all, statuses: [...OPEN_STATUSES, 'paused'], order: 'deadline' };
  const left = await q.repos.tasks.count(notYet);
  const what = `${target.who}${label}事项`;
  const verb = signing ? '签收' : '办结';
  if (total === 0) return { tone: 'info', title: `${what}：没有相关事项` };
  if (left === 0) return { tone: 'success', title: `${what}是否都已${verb}：是，${total} 件均已${verb}` };
  const tasks = await q.repos.tasks.list({ ...notYet, limit: LIST_LIMIT });
  return {
    tone: 'warning',
    title: `${what}是否都已${verb}：否，${total} 件中尚有 ${left} 件未${verb}`,
    lines: await listLines(tasks, q, { unsigned: signing }),
    note: left > tasks.length ? `仅列出前 ${tasks.length} 件。` : undefined,
  };
}

/** Counts of open, overdue, unacknowledged and due-this-week work, with the open items. */
async function overview(target: Target, q: QueryContext): Promise<Reply> {
  const base = target.base;
  const week = weekOf(q.today);
  const [open, overdue, unacked, dueWeek] = await Promise.all([
    q.repos.tasks.count({ ...base, statuses: [...OPEN_STATUSES, 'paused'] }),
    q.repos.tasks.count({ ...base, statuses: OPEN_STATUSES, deadlineBefore: q.today }),
    q.repos.tasks.count({ ...base, statuses: OPEN_STATUSES, unacknowledged: true }),
    q.repos.tasks.count({ ...base, statuses: OPEN_STATUSES, deadlineFrom: q.today, deadlineTo: week.to }),
  ]);
  const tasks = open > 0 ? await q.repos.tasks.list({ ...base, statuses: [...OPEN_STATUSES, 'paused'], order: 'deadline', limit: LIST_LIMIT }) : [];
  const who = target.who === '全省' ? '督办事项' : target.who === '您可查看范围内' ? '您可查看范围内督办事项' : target.who;
  return {
    tone: overdue > 0 ? 'warning' : 'info',
    title: `${who}概况`,
    fields: [
      { label: '在办', value: `${open} 件` },
      { label: '逾期', value: `${overdue} 件` },
      { label: '未签收', value: `${unacked} 件` },
      { label: '本周到期', value: `${dueWeek} 件` },
    ],
    lines: await listLines(tasks, q),
    note: open > tasks.length ? `仅列出前 ${tasks.length} 件。` : undefined,
  };
}
