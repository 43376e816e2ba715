import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { completePart } from '../src/domain/actions/part-done.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { formatShortDateTime } from '../src/time/shanghai.js';

export const partDone = defineCommand({
  name: '完成配合',
  aliases: ['part-done', '配合完成'],
  category: '例外',
  summary: '配合单位报告所承担部分已完成；此后不再就该事项催办本单位，牵头单位负总责',
  usage: ['完成配合 事项编号 完成情况'],
  examples: ['完成配合 D-0001 已向发改委提供全部项目资金测算'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, text: rest };
  },
  schema: z.object({ code: taskCodeArg, text: z.string().min(2, '须写明完成情况').max(1000) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '报告配合完成');
    if (!task.units.some((u) => u.role === 'co')) {
      throw new UserError('invalid_state', `${task.code} 没有配合单位，无需报告配合完成；牵头单位办结请发「办结 ${task.code} 办理结果」。`, false);
    }
    const units = requireActingUnits(ctx, task, '报告配合完成（由配合单位报告）', (u) => u.role === 'co');
    const fresh = units.filter((u) => !u.partDoneAt);
    if (fresh.length === 0) throw new UserError('invalid_state', `${task.code} ${units.map((u) => ctx.directory.unitName(u.unitId)).join('、')}的配合部分已报告完成。`, false);
    for (const u of fresh) await completePart(ctx, task, u, args.text);
    const names = fresh.map((u) => ctx.directory.unitName(u.unitId)).join('、');
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 配合部分已完成（${names} ${ctx.actor.name} ${formatShortDateTime(ctx.now)}）`,
        fields: [{ label: '完成情况', value: args.text }],
        lines: [`此后不再就该事项催办${names}；牵头单位 ${ctx.directory.unitName(task.leadUnitId)} 负总责，继续办理。`],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
