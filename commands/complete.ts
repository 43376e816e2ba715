import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { acknowledgeUnits, loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { completeTask } from '../src/domain/actions/complete.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { isLeader } from '../src/domain/ladder.js';

const schema = z.object({
  code: taskCodeArg,
  result: z.string().min(1, '办结须写明办理结果（做了什么、成效如何、文号或依据）').min(4, '办理结果太短，请写明做了什么、成效如何').max(2000, '办理结果不超过 2000 字'),
});

const DRAW_TEXT = { key: '重点事项全部复核', sample: '随机抽取复核' } as const;

/** `（按期）`, `（逾期 3 天）`, or, within an approved extension, not 逾期 at all. */
export function completionTiming(lateDays: number, withinDeadlineInForce: boolean): string {
  if (lateDays === 0) return '（按期）';
  if (withinDeadlineInForce) return `：经批准延期，在延长期限内办结（较原定时限晚 ${lateDays} 天）`;
  return `（逾期 ${lateDays} 天）`;
}

export const complete = defineCommand({
  name: COMMAND_WORDS.complete,
  aliases: ['done', 'complete', '完成', '办毕'],
  category: '办理',
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
    if (task.status === 'paused') throw new UserError('invalid_state', `${task.code} 正暂缓执行，请先由交办人或督查室恢复执行。`, false);
    const openStages = (await ctx.repos.tasks.stages(task.id)).filter((s) => s.status !== 'completed' && s.status !== 'verified');
    if (openStages.length > 0) {
      throw new UserError('invalid_state', `${task.code} 尚有 ${openStages.length} 个阶段未办结（${openStages.map((s) => s.code).join('、')}），各阶段办结后自动办结。`, false);
    }
    const units = requireActingUnits(ctx, task, '报送办结（由牵头单位报送）', (u) => u.role === 'lead');
    await acknowledgeUnits(ctx, task, units, true);
    const out = await completeTask(ctx, task, args.result, ctx.actor.id, { random: ctx.random, verifyShare: ctx.settings.verifyShare });
    const office = ctx.directory.withRole('督查室').map((p) => p.id);
    const unacked = task.units.filter((u) => !u.ackedAt).map((u) => ctx.directory.unitName(u.unitId));
    const lines = [isLeader(ctx.directory.person(task.assignerId)) ? `办结情况将在督办专报中报交办人 ${ctx.directory.label(task.assignerId)} 阅知。` : `请交办人 ${mention(task.assignerId)} 阅知。`];
    if (unacked.length > 0) lines.push(`配合单位未签收：${unacked.join('、')}`);
    if (out.drawn) lines.push(`本件已列入复核（${DRAW_TEXT[out.drawn]}），请督查室 ${office.map(mention).join('、')} 核实。`);
    if (out.parentCompleted) {
      const p = out.parentCompleted;
      lines.push(`各阶段均已办结，${p.task.code} ${p.task.title} 随之办结${p.drawn ? `，已列入复核（${DRAW_TEXT[p.drawn]}）` : ''}。`);
    }
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 已办结${completionTiming(out.lateDays, ctx.today <= task.deadline)}`,
        fields: [
          { label: '事项', value: task.title },
          { label: '办理结果', value: args.result },
          { label: '报送', value: `${ctx.directory.unitName(task.leadUnitId)} ${ctx.actor.name}` },
        ],
        lines,
        actions: out.drawn
          ? [
              { label: '复核属实', command: `复核 ${task.code} 属实`, forPersonIds: office },
              { label: '复核不实', command: `复核 ${task.code} 不实`, style: 'danger', forPersonIds: office, input: { placeholder: '不实的情况和整改要求', required: true } },
            ]
          : undefined,
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
