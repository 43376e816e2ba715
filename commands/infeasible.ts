import { raiseInfeasible } from '../src/domain/actions/infeasible.js';
import { commandButton } from '../src/core/command-button.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { acknowledgeUnits, assignerAndOffice, loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { INFEASIBLE_ANSWER_DAYS, INFEASIBLE_DECISIONS, INFEASIBLE_RAISE_DAYS } from '../src/domain/requests.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { formatDateCn } from '../src/time/shanghai.js';
import { addressPerson } from '../src/domain/leader-address.js';
import { ARGUMENT_TEXTS } from '../src/texts/arguments.js';

export const infeasible = defineCommand({
  name: '难以执行',
  aliases: ['infeasible', '无法执行', '执行困难'],
  category: '例外',
  summary: '交办后 5 个工作日内反馈难以执行，交办人或督查室 3 个工作日内答复',
  usage: ['难以执行 事项编号 原因'],
  examples: ['难以执行 D-0003 项目用地涉及生态红线调整，需国家审批，年内无法完成'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, reason: rest };
  },
  schema: z.object({
    code: taskCodeArg,
    reason: z.string().min(4, '请写明难以执行的原因').max(1000, ARGUMENT_TEXTS.reasonMax1000),
  }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '反馈难以执行');
    const [unit] = requireActingUnits(ctx, task, '反馈难以执行');
    if (!unit) throw new Error('no unit');
    // H3: raised within 5 working days of receipt; receipt is 交办, whether or not it was signed.
    const received = task.assignedDate;
    const elapsed = ctx.calendar.workingDaysBetween(received, ctx.today);
    if (elapsed > INFEASIBLE_RAISE_DAYS) {
      throw new UserError(
        'invalid_state',
        `${task.code} 于 ${formatDateCn(received, ctx.today)}交办，至今 ${elapsed} 个工作日，超过 ${INFEASIBLE_RAISE_DAYS} 个工作日，不能再反馈难以执行（H3：收到后 ${INFEASIBLE_RAISE_DAYS} 个工作日内反馈，从交办起算，不论是否签收）。确有困难的，请在到期前申请延期（延期 ${task.code} 至 日期 理由），或提请协调（协调 ${task.code} 问题）。`,
        false,
      );
    }
    if (await ctx.repos.requests.pending(task.id, 'infeasible')) {
      throw new UserError('invalid_state', `${task.code} 已有待答复的难以执行反馈，请等待答复。`, false);
    }
    await acknowledgeUnits(ctx, task, [unit], true);
    const { answerDue: due } = await raiseInfeasible(ctx, task, unit, { by: ctx.actor.id, reason: args.reason });
    const answerers = assignerAndOffice(ctx, task);
    return {
      reply: {
        tone: 'warning',
        title: `${task.code} 反馈难以执行`,
        fields: [
          { label: '事项', value: task.title },
          { label: '反馈单位', value: `${ctx.directory.unitName(unit.unitId)} ${ctx.actor.name}` },
          { label: '原因', value: args.reason },
          { label: '答复时限', value: `${formatDateCn(due, ctx.today)}前（${INFEASIBLE_ANSWER_DAYS} 个工作日）` },
        ],
        lines: [`请 ${answerers.map((id) => addressPerson(ctx.directory, id)).join('、')} 明确答复：${INFEASIBLE_DECISIONS.join(' / ')}。`],
        note: `回复「答复 ${task.code} 继续执行｜暂缓执行｜按新的办法执行 说明」；按新的办法执行的，写明新办法和新时限。`,
        actions: [
          commandButton('answerInfeasible', `${task.code} 继续执行`, { label: '继续执行', forPersonIds: answerers }),
          commandButton('answerInfeasible', `${task.code} 暂缓执行`, { label: '暂缓执行', forPersonIds: answerers }),
          commandButton('answerInfeasible', `${task.code} 按新的办法执行`, {
            label: '按新的办法执行',
            forPersonIds: answerers,
            input: { placeholder: '新的办法和新时限，如：改为分两期实施 截止:2027-03-31', required: true },
          }),
        ],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
