import { z } from 'zod';
import { ASSIGNER_ROLES } from '../src/domain/roles.js';
import { withdrawable, withdrawTask } from '../src/domain/actions/withdraw.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { loadTask, requireAssignerOrOffice } from '../src/core/task-access.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { STATUS_LABEL } from '../src/domain/task.js';

/** What a message after 撤销 meant when it names no task (撤销 G-0001, 撤销请假): the command that does it. */
function otherWithdrawal(text: string): string | undefined {
  if (/^\s*[Gg][-－]?\d|告诫/.test(text)) return '撤销效能告诫请发「撤销告诫 G-0001 理由」。';
  if (/请假|休假|出差/.test(text)) return '结束请假请发「销假」。';
  return undefined;
}

export const withdraw = defineCommand({
  name: '撤销交办',
  aliases: ['withdraw', '撤回交办', '撤销'],
  category: '例外',
  summary: '交办人或督查室撤销交办有误或不再需要办理的事项（须写明理由）：台账保留原记录并标注已撤销，不再催办，不计入统计',
  usage: ['撤销交办 事项编号 理由'],
  examples: ['撤销交办 D-0003 交办单位有误，已重新交办 D-0004'],
  allowed: ASSIGNER_ROLES,
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    if (!code) {
      const other = otherWithdrawal(input.text);
      if (other) throw new UserError('bad_arguments', `本条未撤销任何事项。${other}`);
    }
    return { code, reason: rest };
  },
  schema: z.object({
    code: taskCodeArg,
    reason: z.string().min(4, '须写明撤销理由（不少于4个字），如：交办单位有误，已重新交办').max(500, '撤销理由请控制在500字以内'),
  }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireAssignerOrOffice(ctx, task, '撤销交办');
    if (task.status === 'withdrawn') throw new UserError('invalid_state', `${task.code} 已撤销交办，无需再撤销。`, false);
    if (!withdrawable(task)) {
      throw new UserError(
        'invalid_state',
        `${task.code} ${STATUS_LABEL[task.status]}，不能撤销交办：办结是承办单位报送的结果，台账照录。结果不实的，由督查室复核（复核 ${task.code} 不实 情况）。`,
        false,
      );
    }
    const done = await withdrawTask(ctx, task, { by: ctx.actor.id, reason: args.reason });
    const units = task.units.map((u) => `${ctx.directory.unitName(u.unitId)}（${mention(u.responsibleId)}）`);
    const lines = [`请 ${units.join('、')} 知悉：本事项不再办理，不再催办。`];
    if (done.stages.length > 0) lines.push(`随之撤销的阶段：${done.stages.map((s) => s.code).join('、')}`);
    if (done.coordinations.length > 0) lines.push(`协调 ${done.coordinations.join('、')} 随之结束。`);
    if (done.requests.length > 0) lines.push(`待审批的${done.requests.join('、')}随之了结，不再审批。`);
    return {
      reply: {
        tone: 'warning',
        title: `已撤销交办 ${task.code}`,
        fields: [
          { label: '事项', value: task.title },
          { label: '撤销理由', value: args.reason },
          { label: '撤销人', value: ctx.directory.label(ctx.actor.id) },
        ],
        lines,
        note: '台账保留本事项及其全部办理记录，标注「已撤销」；不计入交办、签收、到期、逾期、催办等统计和排名。交办有误的，请按正确内容重新交办。',
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
