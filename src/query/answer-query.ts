import type { Person } from '../directory/directory.js';
import type { Repositories, TaskFilter } from '../../storage/repositories.js';
import { DONE_STATUSES, OPEN_STATUSES, type Task } from '../domain/task.js';
import { canSeeTask, canSeeUnit, describeScope, scopeOf } from '../domain/visibility.js';
import { UserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import { taskFields, taskLine } from '../render/task-view.js';
import { historyLine } from '../render/history.js';
import type { ViewContext } from '../render/view-context.js';
import { weekOf } from './period.js';
import { METRIC_LABEL, type Metric, type QuerySpec } from './query-spec.js';
import { shortFromIso } from '../time/shanghai.js';
import { COORDINATION_STATUS_LABEL, LEVEL_LABEL } from '../domain/coordination.js';
import { coordinationDetail } from '../render/coordination-view.js';
import { computeTally } from '../reports/tally.js';
import { tallyKindOf, tallyReply } from '../render/tally-view.js';
import { previousWeek } from '../jobs/periods.js';
import { TALLY_ROLES } from '../domain/roles.js';
import type { Period } from './period.js';

export interface QueryContext extends ViewContext {
  repos: Repositories;
  actor: Person;
}

const LIST_LIMIT = 15;

/** Answers a query spec within what the actor may see. */
export async function answerQuery(spec: QuerySpec, q: QueryContext, opts: { historyLimit?: number } = {}): Promise<Reply> {
  if (spec.kind === 'task') return taskDetail(spec.code, q, opts.historyLimit);
  if (spec.kind === 'coordination') return coordinationAnswer(spec.code, q);
  if (spec.kind === 'tally') return tallyAnswer(spec.period, q);
  return listAnswer(spec, q);
}

async function taskDetail(code: string, q: QueryContext, historyLimit?: number): Promise<Reply> {
  const task = await q.repos.tasks.findByCode(code);
  if (!task) throw new UserError('unknown_task', `没有编号为 ${code} 的督办事项，请核对编号（如 D-0001）。`);
  const scope = scopeOf(q.actor);
  if (!canSeeTask(scope, task) && scope) {
    throw new UserError('no_permission', `您可查询的范围是：${describeScope(scope, q.directory)}。${code} 不在其中，如需了解请联系督查室。`);
  }
  const [reports, history] = await Promise.all([q.repos.tasks.reports(task.id), q.repos.audit.forTask(task.id)]);
  const lastProgress = reports.filter((r) => r.kind === 'progress').at(-1);
  const fields = taskFields(task, q);
  if (lastProgress) {
    fields.push({
      label: '最新进展',
      value: `${shortFromIso(lastProgress.at)} ${q.directory.personName(lastProgress.personId)}：${lastProgress.percent !== undefined ? `${lastProgress.percent}% ` : ''}${lastProgress.text}`,
    });
  }
  const shown = historyLimit !== undefined ? history.slice(-historyLimit) : history;
  const lines: string[] = [];
  const stages = await q.repos.tasks.stages(task.id);
  if (stages.length > 0) lines.push(`阶段（${stages.length} 个）：`, ...stages.map((s) => taskLine(s, q)));
  const coordinations = await q.repos.coordinations.forTask(task.id);
  if (coordinations.length > 0) {
    lines.push('协调：', ...coordinations.map((c) => `${c.code} ${COORDINATION_STATUS_LABEL[c.status]}｜${LEVEL_LABEL[c.level]}｜${c.reason.slice(0, 30)}`));
  }
  const pending = (await q.repos.requests.forTask(task.id)).filter((r) => r.status === 'pending');
  for (const r of pending) {
    lines.push(`待答复：${r.kind === 'extension' ? `延期申请（至 ${r.proposedDeadline ?? ''}）` : '难以执行反馈'}，答复时限 ${r.answerDue}`);
  }
  if (task.extensionCount > 0) fields.push({ label: '延期', value: `${task.extensionCount} 次${task.extensionCount > 1 ? '（多次延期）' : ''}` });
  if (task.verification) fields.push({ label: '复核', value: { pending: '待复核', true: '属实', false: '不实，已退回重办' }[task.verification] });
  lines.push(`办理记录（${history.length} 条${shown.length < history.length ? `，显示最近 ${shown.length} 条` : ''}）：`, ...shown.map((r) => historyLine(r, q.directory)));
  return { tone: 'info', title: `${task.code} ${task.title}`, fields, lines, ref: { kind: 'task', code: task.code } };
}

async function tallyAnswer(period: Period | undefined, q: QueryContext): Promise<Reply> {
  if (!q.actor.roles.some((r) => (TALLY_ROLES as readonly string[]).includes(r))) {
    throw new UserError('no_permission', `各单位统计和排名供${TALLY_ROLES.join('、')}查看。可发「查询 我的」查看本人事项。`);
  }
  const p = period ?? previousWeek(q.today);
  const tally = await computeTally(q.repos.stats, q.directory, p, q.today);
  return tallyReply(tally, tallyKindOf(p), q.directory);
}

async function coordinationAnswer(code: string, q: QueryContext): Promise<Reply> {
  const item = await q.repos.coordinations.findByCode(code);
  if (!item) throw new UserError('unknown_task', `没有编号为 ${code} 的协调事项，请核对编号（如 C-0001）。`);
  const task = await q.repos.tasks.findById(item.taskId);
  if (!task) throw new Error(`coordination ${code} without task`);
  const scope = scopeOf(q.actor);
  if (scope && !canSeeTask(scope, task) && !item.handlerIds.includes(q.actor.id) && item.ownerId !== q.actor.id) {
    throw new UserError('no_permission', `您可查询的范围是：${describeScope(scope, q.directory)}。${code} 不在其中。`);
  }
  return coordinationDetail(item, task, q, await q.repos.audit.forSubject(code));
}

function filterFor(metric: Metric, spec: Extract<QuerySpec, { kind: 'list' }>, q: QueryContext): { filter: TaskFilter; label: string } {
  const period = spec.period;
  switch (metric) {
    case 'overdue':
      return { filter: { statuses: OPEN_STATUSES, deadlineBefore: q.today }, label: '逾期' };
    case 'unacked':
      return { filter: { statuses: OPEN_STATUSES, unacknowledged: true }, label: '未签收' };
    case 'due': {
      const p = period ?? weekOf(q.today);
      return { filter: { statuses: OPEN_STATUSES, deadlineFrom: p.from, deadlineTo: p.to }, label: `${p.label}到期` };
    }
    case 'due_soon': {
      const to = q.calendar.addWorkingDays(q.today, 3);
      return { filter: { statuses: OPEN_STATUSES, deadlineFrom: q.today, deadlineTo: to }, label: '3 个工作日内到期' };
    }
    case 'completed':
      return {
        filter: { statuses: DONE_STATUSES, completedFrom: period?.from, completedTo: period?.to },
        label: `${period?.label ?? ''}办结`,
      };
    case 'assigned':
      return { filter: { assignedFrom: period?.from, assignedTo: period?.to, topLevelOnly: true }, label: `${period?.label ?? ''}交办` };
    case 'open':
      return { filter: { statuses: [...OPEN_STATUSES, 'paused'] }, label: '在办' };
  }
}

async function listAnswer(spec: Extract<QuerySpec, { kind: 'list' }>, q: QueryContext): Promise<Reply> {
  const scope = scopeOf(q.actor);
  let subject = '';
  const base: TaskFilter = {};
  if (spec.unitId) {
    if (!canSeeUnit(scope, spec.unitId) && scope) {
      throw new UserError('no_permission', `您可查询的范围是：${describeScope(scope, q.directory)}。${q.directory.unitName(spec.unitId)} 的事项请联系督查室或分管领导。`);
    }
    base.unitId = spec.unitId;
    subject = q.directory.unitName(spec.unitId);
  } else if (spec.personId) {
    const person = q.directory.person(spec.personId);
    const visible = !scope || spec.personId === q.actor.id || (person?.unitId !== undefined && scope.unitIds.includes(person.unitId));
    if (!visible && scope) {
      throw new UserError('no_permission', `您可查询的范围是：${describeScope(scope, q.directory)}。${q.directory.personName(spec.personId)} 的事项请联系督查室。`);
    }
    base.scope = { unitIds: [], personId: spec.personId };
    subject = q.directory.personName(spec.personId);
  } else if (spec.mine) {
    const headOf = q.actor.roles.includes('单位主要负责人') && q.actor.unitId ? [q.actor.unitId] : [];
    base.scope = { unitIds: headOf, personId: q.actor.id };
    subject = '我的';
  }
  if (scope && !base.scope && !base.unitId) base.scope = scope;

  if (!spec.metric && !spec.period) return overview(subject, base, q);
  const metric: Metric = spec.metric ?? 'assigned';
  const { filter, label } = filterFor(metric, spec, q);
  const full: TaskFilter = { ...base, ...filter, order: metric === 'assigned' || metric === 'completed' ? 'assigned' : 'deadline' };
  const total = await q.repos.tasks.count(full);
  const tasks = total > 0 ? await q.repos.tasks.list({ ...full, limit: LIST_LIMIT }) : [];
  const who = subject ? `${subject}` : scope ? '您可查看范围内' : '全省';
  const title = `${who}${label}事项：${total} 件`;
  if (total === 0) return { tone: 'info', title, note: `暂无${METRIC_LABEL[metric]}事项。` };
  const lines = tasks.map((t) => taskLine(t, q));
  if (spec.unitId) lines.unshift(leadSplit(tasks, spec.unitId, total));
  return {
    tone: metric === 'overdue' ? 'warning' : 'info',
    title,
    lines,
    note: total > tasks.length ? `仅列出前 ${tasks.length} 件，可按单位或时间缩小范围。` : undefined,
  };
}

function leadSplit(tasks: Task[], unitId: string, total: number): string {
  if (tasks.length < total) return `其中列出 ${tasks.length} 件：`;
  const lead = tasks.filter((t) => t.leadUnitId === unitId).length;
  return `其中牵头 ${lead} 件，配合 ${tasks.length - lead} 件：`;
}

/** Counts of open, overdue, unacknowledged and due-this-week work, with the open items. */
async function overview(subject: string, base: TaskFilter, q: QueryContext): Promise<Reply> {
  const week = weekOf(q.today);
  const [open, overdue, unacked, dueWeek] = await Promise.all([
    q.repos.tasks.count({ ...base, statuses: [...OPEN_STATUSES, 'paused'] }),
    q.repos.tasks.count({ ...base, statuses: OPEN_STATUSES, deadlineBefore: q.today }),
    q.repos.tasks.count({ ...base, statuses: OPEN_STATUSES, unacknowledged: true }),
    q.repos.tasks.count({ ...base, statuses: OPEN_STATUSES, deadlineFrom: q.today, deadlineTo: week.to }),
  ]);
  const tasks = open > 0 ? await q.repos.tasks.list({ ...base, statuses: [...OPEN_STATUSES, 'paused'], limit: LIST_LIMIT }) : [];
  return {
    tone: overdue > 0 ? 'warning' : 'info',
    title: `${subject || '督办事项'}概况`,
    fields: [
      { label: '在办', value: `${open} 件` },
      { label: '逾期', value: `${overdue} 件` },
      { label: '未签收', value: `${unacked} 件` },
      { label: '本周到期', value: `${dueWeek} 件` },
    ],
    lines: tasks.map((t) => taskLine(t, q)),
    note: open > tasks.length ? `仅列出前 ${tasks.length} 件。` : undefined,
  };
}

/** What can be asked, for questions the bot did not understand. */
export const QUERY_EXAMPLES = [
  '发改委还有几件逾期？',
  '本周交办了多少件？',
  'D-0003 怎么样了',
  '哪些事项未签收？',
  '本周到期的有哪些',
  '王芳手上有哪些事',
  '我的事项',
];
