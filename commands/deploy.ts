import { reportDeployment } from '../src/domain/actions/deploy.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { acknowledgeUnits, loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { deploymentDue } from '../src/domain/deployment.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { formatDateCn } from '../src/time/shanghai.js';

export const deploy = defineCommand({
  name: '部署',
  aliases: ['deploy', '布置落实', '部署情况'],
  category: '办理',
  summary: '上级文件、重大决策部署：收到后最多 3 天内报送布置落实情况（H1）',
  usage: ['部署 事项编号 布置落实情况'],
  examples: ['部署 D-0001 已召开党组会传达学习，制定任务分工方案，明确分管负责人和完成时限'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, text: rest.replace(/^情况[:：\s]*/, '') };
  },
  schema: z.object({
    code: taskCodeArg,
    text: z.string().min(4, '请写明如何布置落实（会议传达、分工、时限等）').max(1000, '不超过 1000 字'),
  }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '报送部署情况');
    const due = deploymentDue(task, ctx.calendar);
    if (!due) {
      throw new UserError('invalid_state', `${task.code} 不是上级文件、重大决策部署事项，无需单独报部署情况；请用「进展 ${task.code} 进展情况」报送。`, false);
    }
    const units = requireActingUnits(ctx, task, '报送部署情况');
    const unit = units[0];
    if (!unit) throw new Error('no unit');
    const acked = await acknowledgeUnits(ctx, task, units, true);
    const { late } = await reportDeployment(ctx, task, unit, { by: ctx.actor.id, text: args.text, due });
    const lines = [args.text];
    if (acked.length > 0) lines.push('（此前未签收，已视同签收）');
    return {
      reply: {
        tone: late ? 'warning' : 'success',
        title: `已记录 ${task.code} 部署情况${late ? '（超过 3 天布置落实时限）' : ''}`,
        fields: [
          { label: '单位', value: ctx.directory.unitName(unit.unitId) },
          { label: '布置落实时限', value: formatDateCn(due, ctx.today) },
          { label: '办结时限', value: formatDateCn(task.deadline, ctx.today) },
        ],
        lines,
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
