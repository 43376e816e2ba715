import { resumeTask } from '../src/domain/actions/infeasible.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadTask, requireAssignerOrOffice } from '../src/core/task-access.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { formatDateCn } from '../src/time/shanghai.js';

export const resume = defineCommand({
  name: '恢复',
  aliases: ['resume', '恢复执行'],
  category: '例外',
  summary: '恢复暂缓执行的事项，时限按暂缓的工作日数顺延',
  usage: ['恢复 事项编号 [说明]'],
  examples: ['恢复 D-0003 国家已批复，恢复执行'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, note: rest };
  },
  schema: z.object({ code: taskCodeArg, note: z.string().max(500) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireAssignerOrOffice(ctx, task, '恢复执行');
    if (task.status !== 'paused' || !task.pausedAt) throw new UserError('invalid_state', `${task.code} 不在暂缓执行状态。`, false);
    const { pausedOn, days, deadline } = await resumeTask(ctx, { ...task, pausedAt: task.pausedAt }, args.note);
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 恢复执行`,
        fields: [
          { label: '事项', value: task.title },
          { label: '暂缓', value: `${formatDateCn(pausedOn, ctx.today)}起，计 ${days} 个工作日` },
          { label: '新时限', value: `${formatDateCn(deadline, ctx.today)}（原 ${formatDateCn(task.deadline, ctx.today)}）` },
        ],
        lines: args.note ? [args.note] : undefined,
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
