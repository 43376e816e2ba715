import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { acknowledgeUnits, loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { daysBetween, isoShanghai } from '../src/time/shanghai.js';
import { parseCodeAndText } from './progress.js';

const schema = z.object({
  code: z.string({ message: '请写明事项编号，如 D-0001' }),
  result: z
    .string()
    .min(1, '办结须写明办理结果（做了什么、成效如何、文号或依据）')
    .min(4, '办理结果太短，请写明做了什么、成效如何')
    .max(2000, '办理结果不超过 2000 字'),
});

export const complete = defineCommand({
  name: '办结',
  aliases: ['done', 'complete', '完成', '办毕'],
  summary: '报送办结，须写明办理结果（由牵头单位报送）',
  usage: ['办结 编号 办理结果'],
  examples: ['办结 D-0001 实施方案已经省政府常务会议审议通过，于12月10日印发（江海政办发〔2026〕45号）'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    if (code === undefined && rest.length > 0) throw new UserError('bad_arguments', '请先写事项编号，再写办理结果。');
    return { code, result: rest };
  },
  schema,
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '办结');
    const units = requireActingUnits(ctx, task, '报送办结（由牵头单位报送）', (u) => u.role === 'lead');
    await acknowledgeUnits(ctx, task, units, true);
    const at = isoShanghai(ctx.now);
    await ctx.repos.tasks.addReport({
      taskId: task.id, unitId: task.leadUnitId, personId: ctx.actor.id, kind: 'result', percent: 100, text: args.result, at,
    });
    await ctx.repos.tasks.complete(task.id, args.result, at, ctx.today);
    const late = ctx.today > task.originalDeadline ? daysBetween(task.originalDeadline, ctx.today) : 0;
    await ctx.audit('complete', { result: args.result, onTime: late === 0, lateDays: late }, { taskId: task.id });
    const unacked = task.units.filter((u) => !u.ackedAt).map((u) => ctx.directory.unitName(u.unitId));
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 已办结${late > 0 ? `（逾期 ${late} 天）` : '（按期）'}`,
        fields: [
          { label: '事项', value: task.title },
          { label: '办理结果', value: args.result },
          { label: '报送', value: `${ctx.directory.unitName(task.leadUnitId)} ${ctx.actor.name}` },
        ],
        lines: [`请交办人 ${mention(task.assignerId)} 阅知。`, ...(unacked.length > 0 ? [`配合单位未签收：${unacked.join('、')}`] : [])],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
