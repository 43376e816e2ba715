import { UserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import { canSeeTask, scopeOf } from '../domain/visibility.js';
import { LEVEL_LABEL } from '../domain/coordination.js';
import { taskFields } from '../render/task-view.js';
import { listLines } from './list-lines.js';
import { colourOf } from '../reports/colour-of.js';
import { colourMark } from '../render/task-colour.js';
import { historyLine } from '../render/history.js';
import { coordinationDetail } from '../render/coordination-view.js';
import { shortFromIso } from '../time/shanghai.js';
import type { QueryContext } from './query-context.js';
import { coordinationStatusLabel } from '../domain/coordination-decision.js';
import { REFUSALS } from '../texts/refusals.js';

// Outside one's scope a code reads exactly like an unknown one: the refusal names no other task's units or people,
// and, to one whose scope is limited, says it may be either (never that the task does not exist when it does).
const unknownTask = (code: string, limited: boolean) => new UserError('unknown_task', `没有编号为 ${code} 的督办事项${limited ? '，或该事项不在您可查看的范围内' : ''}，请核对编号（如 D-0001）。`);
const unknownCoordination = (code: string, limited: boolean) => new UserError('unknown_task', REFUSALS.unknownCoordination(code, limited));

/** One task in full: fields, latest progress, stages, coordination, pending requests and history. */
export async function answerTask(code: string, q: QueryContext, historyLimit?: number): Promise<Reply> {
  const task = await q.repos.tasks.findByCode(code);
  const scope = scopeOf(q.actor);
  if (!task || !canSeeTask(scope, task)) throw unknownTask(code, scope !== undefined);
  const [reports, history] = await Promise.all([q.repos.tasks.reports(task.id), q.repos.audit.forTask(task.id)]);
  const lastProgress = reports.filter((r) => r.kind === 'progress').at(-1);
  const fields = taskFields(task, q);
  const stages = await q.repos.tasks.stages(task.id);
  const colour = q.settings ? await colourOf(task, { repos: q.repos, calendar: q.calendar, today: q.today, scheme: q.settings.colourScheme, warnDays: q.settings.warnDays }, stages) : undefined;
  // 三色 right after 状态; on Lark it also colours the card header.
  if (colour) fields.splice(fields.findIndex((f) => f.label === '状态') + 1, 0, { label: '三色', value: colourMark(colour) });
  if (lastProgress) {
    fields.push({
      label: '最新进展',
      value: `${shortFromIso(lastProgress.at)} ${q.directory.personName(lastProgress.personId)}：${lastProgress.percent !== undefined ? `${lastProgress.percent}% ` : ''}${lastProgress.text}`,
    });
  }
  const shown = historyLimit !== undefined ? history.slice(-historyLimit) : history;
  const lines: string[] = [];
  if (stages.length > 0) lines.push(`阶段（${stages.length} 个）：`, ...(await listLines(stages, q)));
  const coordinations = await q.repos.coordinations.forTask(task.id);
  if (coordinations.length > 0) {
    lines.push('协调：', ...coordinations.map((c) => `${c.code} ${coordinationStatusLabel(c, q.directory)}｜${LEVEL_LABEL[c.level]}｜${c.reason.slice(0, 30)}`));
  }
  const pending = (await q.repos.requests.forTask(task.id)).filter((r) => r.status === 'pending');
  for (const r of pending) {
    lines.push(`待答复：${r.kind === 'extension' ? `延期申请（至 ${r.proposedDeadline ?? ''}）` : '难以执行反馈'}，答复时限 ${r.answerDue}`);
  }
  if (task.extensionCount > 0) fields.push({ label: '延期', value: `${task.extensionCount} 次${task.extensionCount > 1 ? '（多次延期）' : ''}` });
  if (task.verification) fields.push({ label: '复核', value: { pending: '待复核', true: '属实', false: '不实，已退回重办' }[task.verification] });
  lines.push(`办理记录（${history.length} 条${shown.length < history.length ? `，显示最近 ${shown.length} 条` : ''}）：`, ...shown.map((r) => historyLine(r, q.directory)));
  return { tone: 'info', title: `${task.code} ${task.title}`, fields, lines, ref: { kind: 'task', code: task.code }, ...(colour ? { colour } : {}) };
}

/** One coordination item, for the parties, the handlers and whoever may see its task. */
export async function answerCoordination(code: string, q: QueryContext): Promise<Reply> {
  const item = await q.repos.coordinations.findByCode(code);
  if (!item) throw unknownCoordination(code, scopeOf(q.actor) !== undefined);
  const task = await q.repos.tasks.findById(item.taskId);
  if (!task) throw new Error(`coordination ${code} without task`);
  const scope = scopeOf(q.actor);
  if (scope && !canSeeTask(scope, task) && !item.handlerIds.includes(q.actor.id) && item.ownerId !== q.actor.id) throw unknownCoordination(code, true);
  return coordinationDetail(item, task, q, await q.repos.audit.forSubject(code));
}
