import { commandButton } from '../src/core/command-button.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { assignerAndOffice, loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { requestExtension } from '../src/domain/actions/extension.js';
import { SOURCES } from '../src/domain/sources.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { formatDateCn } from '../src/time/shanghai.js';
import { addressPerson } from '../src/domain/leader-address.js';
import { ARGUMENT_TEXTS } from '../src/texts/arguments.js';
import { readSpan, extensionSpanArg, spanEnd, type ExtensionSpan } from '../src/parsing/extension-span.js';

/** Finds `至 12月30日` (or a bare date) in the text: the date and the rest (the reason). */
export function extractDate(text: string, today: string, calendar: Parameters<typeof parseDeadline>[2]): { date?: string; span?: ExtensionSpan; rest: string } {
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    // 10个工作日 written alone (not after 至): that much longer than the deadline in force.
    const span = readSpan(words[i] ?? '');
    if (span) return { span, rest: [...words.slice(0, i), ...words.slice(i + 1)].join(' ') };
    const w = (words[i] ?? '').replace(/^(延至|延期至|推迟至|至|到)/, '');
    const candidate = w.length > 0 ? w : (words[i + 1] ?? '');
    const used = w.length > 0 ? 1 : 2;
    const d = parseDeadline(candidate, today, calendar);
    if (d.kind === 'invalid') throw new UserError('bad_deadline', `${d.reason}。`);
    if (d.kind === 'ok') return { date: d.deadline.date, rest: [...words.slice(0, i), ...words.slice(i + used)].join(' ') };
  }
  return { rest: text };
}

export const extension = defineCommand({
  name: '延期',
  aliases: ['extend', '申请延期'],
  category: '例外',
  summary: '到期前申请延期：写明新的时限、原因和目前进展，由交办人或督查室审批',
  usage: ['延期 事项编号 至 新日期 原因和进展'],
  examples: ['延期 D-0001 至 12月30日 方案需提交省政府常务会议审议，会期安排在12月下旬；目前已完成征求意见'],
  allowed: 'anyone',
  parse(input, ctx) {
    const { code, rest } = parseCodeAndText(input.text);
    const { date, span, rest: reason } = extractDate(rest, ctx.today, ctx.calendar);
    if (code && !date && !span) throw new UserError('bad_arguments', '请写明申请延至哪一天，如「至 12月30日」，或延长多久，如「10个工作日」。');
    return { code, date, span, reason };
  },
  schema: z.object({
    code: taskCodeArg,
    date: z.string().optional(),
    span: extensionSpanArg,
    reason: z.string().min(4, '须写明延期原因和目前进展').max(1000, ARGUMENT_TEXTS.reasonMax1000),
  }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '申请延期');
    if (task.status === 'paused') throw new UserError('invalid_state', `${task.code} 正暂缓执行，时限已停止计算，无需延期。`, false);
    const [unit] = requireActingUnits(ctx, task, '申请延期（由牵头单位申请）', (u) => u.role === 'lead');
    if (!unit) throw new Error('no unit');
    if (ctx.today > task.deadline) {
      throw new UserError(
        'invalid_state',
        `${task.code} 已于 ${formatDateCn(task.deadline, ctx.today)}到期，延期须在到期前申请（期限内不能办结的，要提前报告原因和进展）。请尽快办结，或向督查室说明原因。`,
        false,
      );
    }
    const date = args.date ?? (args.span ? spanEnd(task.deadline, args.span, ctx.calendar) : task.deadline);
    if (date <= task.deadline) throw new UserError('bad_deadline', `新时限须晚于现时限 ${formatDateCn(task.deadline, ctx.today)}。`);
    const cap = SOURCES[task.source].maxDeadline?.(task.assignedDate);
    if (cap && date > cap) throw new UserError('bad_deadline', `${SOURCES[task.source].basis}，不能延至 ${formatDateCn(cap, ctx.today)}之后。`, false);
    if (await ctx.repos.requests.pending(task.id, 'extension')) throw new UserError('invalid_state', `${task.code} 已有待审批的延期申请。`, false);
    const { nth } = await requestExtension(ctx, task, { unitId: unit.unitId, by: ctx.actor.id, proposed: date, reason: args.reason });
    const approvers = assignerAndOffice(ctx, task);
    return {
      reply: {
        tone: 'warning',
        title: `${task.code} 申请延期${nth > 1 ? `（第 ${nth} 次）` : ''}`,
        fields: [
          { label: '事项', value: task.title },
          { label: '现时限', value: formatDateCn(task.deadline, ctx.today) + (task.originalDeadline !== task.deadline ? `（原定 ${formatDateCn(task.originalDeadline, ctx.today)}）` : '') },
          { label: '申请延至', value: formatDateCn(date, ctx.today) + (args.span ? `（现时限顺延 ${args.span.text}）` : '') },
          { label: '原因和进展', value: args.reason },
        ],
        lines: [...(nth > 1 ? [`该事项已延期 ${task.extensionCount} 次，本次为再次延期，请从严审核。`] : []), `请 ${approvers.map((id) => addressPerson(ctx.directory, id)).join('、')} 审批。`],
        actions: [
          commandButton('approveExtension', task.code, { style: 'primary', forPersonIds: approvers }),
          commandButton('refuseExtension', task.code, { style: 'danger', forPersonIds: approvers, input: { placeholder: '驳回理由', required: true } }),
        ],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
