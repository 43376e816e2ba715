import * as extensionActions from '../src/domain/actions/extension.js';
import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { loadTask, requireAssignerOrOffice } from '../src/core/task-access.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { formatDateCn } from '../src/time/shanghai.js';
import { extractDate } from './extension.js';
import { REFUSALS } from '../src/texts/refusals.js';
import { extensionSpanArg, spanEnd } from '../src/parsing/extension-span.js';

export const approveExtension = defineCommand({
  name: COMMAND_WORDS.approveExtension,
  aliases: ['approve', '同意延期'],
  category: '例外',
  summary: '交办人或督查室批准延期（可改定日期）；原定时限保留用于按期办结统计',
  usage: ['批准延期 事项编号 [至 日期] [说明]'],
  examples: ['批准延期 D-0001', '批准延期 D-0001 至 12月25日 请抓紧提交常务会议'],
  allowed: 'anyone',
  parse(input, ctx) {
    const { code, rest } = parseCodeAndText(input.text);
    const { date, span, rest: note } = extractDate(rest, ctx.today, ctx.calendar);
    return { code, date, span, note };
  },
  schema: z.object({
    code: taskCodeArg,
    date: z.string().optional(),
    span: extensionSpanArg,
    note: z.string().max(500),
  }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireAssignerOrOffice(ctx, task, '延期审批');
    const request = await ctx.repos.requests.pending(task.id, 'extension');
    if (!request) throw new UserError('invalid_state', REFUSALS.noPendingExtension(task.code), false);
    // 批准延期 D-0001 10个工作日: that much longer than the deadline in force.
    const date = args.date ?? (args.span ? spanEnd(task.deadline, args.span, ctx.calendar) : request.proposedDeadline);
    if (!date || date <= task.deadline) throw new UserError('bad_deadline', `批准的时限须晚于现时限 ${formatDateCn(task.deadline, ctx.today)}。`);
    const { nth } = await extensionActions.approveExtension(ctx, task, request.id, { by: ctx.actor.id, to: date, note: args.note });
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 延期至 ${formatDateCn(date, ctx.today)}${nth > 1 ? `（第 ${nth} 次延期，已标注）` : ''}`,
        fields: [
          { label: '事项', value: task.title },
          { label: '原定时限', value: `${formatDateCn(task.originalDeadline, ctx.today)}（按期办结统计仍以此为准）` },
        ],
        lines: [`请 ${mention(request.raisedBy)} 按新时限办结。`, ...(args.note ? [args.note] : [])],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});

export const refuseExtension = defineCommand({
  name: COMMAND_WORDS.refuseExtension,
  aliases: ['refuse', '不同意延期'],
  category: '例外',
  summary: '交办人或督查室驳回延期申请，须写明理由',
  usage: ['驳回延期 事项编号 理由'],
  examples: ['驳回延期 D-0001 该事项为省政府年度重点任务，须按期完成'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, note: rest };
  },
  schema: z.object({ code: taskCodeArg, note: z.string().min(2, '驳回须写明理由').max(500) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireAssignerOrOffice(ctx, task, '延期审批');
    const request = await ctx.repos.requests.pending(task.id, 'extension');
    if (!request) throw new UserError('invalid_state', REFUSALS.noPendingExtension(task.code), false);
    await extensionActions.refuseExtension(ctx, task, request, { by: ctx.actor.id, note: args.note });
    return {
      reply: {
        tone: 'warning',
        title: `${task.code} 延期申请未获批准`,
        fields: [{ label: '理由', value: args.note }],
        lines: [`请 ${mention(request.raisedBy)} 按现时限 ${formatDateCn(task.deadline, ctx.today)}办结。`],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
