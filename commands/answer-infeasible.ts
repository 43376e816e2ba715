import { recordInfeasibleAnswer } from '../src/domain/actions/infeasible.js';
import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { loadTask, requireAssignerOrOffice } from '../src/core/task-access.js';
import { INFEASIBLE_DECISIONS, type InfeasibleDecision } from '../src/domain/requests.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { formatDateCn } from '../src/time/shanghai.js';

const ALIASES: Array<[RegExp, InfeasibleDecision]> = [
  [/^按新的?办法(执行)?/, '按新的办法执行'],
  [/^暂缓(执行)?/, '暂缓执行'],
  [/^继续(执行)?/, '继续执行'],
];

export const answerInfeasible = defineCommand({
  name: COMMAND_WORDS.answerInfeasible,
  aliases: ['reply-infeasible', '答复难以执行'],
  category: '例外',
  summary: '交办人或督查室答复难以执行：继续执行、暂缓执行、按新的办法执行（三选一）',
  usage: ['答复 事项编号 继续执行 [说明]', '答复 事项编号 暂缓执行 [说明]', '答复 事项编号 按新的办法执行 新办法 截止:日期'],
  examples: ['答复 D-0003 暂缓执行 待国家批复后恢复', '答复 D-0003 按新的办法执行 改为先行完成红线外地块 截止:2027-03-31'],
  allowed: 'anyone',
  parse(input, ctx) {
    const { code, rest } = parseCodeAndText(input.text);
    const hit = ALIASES.find(([re]) => re.test(rest));
    if (!hit) throw new UserError('bad_arguments', `答复须为以下三者之一：${INFEASIBLE_DECISIONS.join('、')}。`);
    const others = ALIASES.filter(([, d]) => d !== hit[1]).some(([re]) => re.test(rest.replace(hit[0], '').trim()));
    if (others) throw new UserError('bad_arguments', '只能选择一种答复。');
    let note = rest.replace(hit[0], '').trim();
    let newDeadline: string | undefined;
    if (hit[1] === '按新的办法执行') {
      const m = /(?:截止|时限|期限)[:：]\s*(\S+)|(\S+)$/.exec(note);
      const raw = m?.[1] ?? m?.[2];
      if (raw) {
        const d = parseDeadline(raw, ctx.today, ctx.calendar);
        if (d.kind === 'invalid') throw new UserError('bad_deadline', `${d.reason}。`);
        if (d.kind === 'ok') {
          newDeadline = d.deadline.date;
          note = note.replace(m?.[0] ?? '', '').trim();
        }
      }
      if (!newDeadline) throw new UserError('bad_arguments', '按新的办法执行须写明新的时限，如「截止:2027-03-31」。');
      if (note.length < 2) throw new UserError('bad_arguments', '按新的办法执行须写明新的办法。');
    }
    return { code, decision: hit[1], note, newDeadline };
  },
  schema: z.object({
    code: taskCodeArg,
    decision: z.enum(INFEASIBLE_DECISIONS),
    note: z.string().max(1000),
    newDeadline: z.string().optional(),
  }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireAssignerOrOffice(ctx, task, '难以执行答复');
    const request = await ctx.repos.requests.pending(task.id, 'infeasible');
    if (!request) throw new UserError('invalid_state', `${task.code} 没有待答复的难以执行反馈。`, false);
    const { late, newDeadline } = await recordInfeasibleAnswer(ctx, task, request, { by: ctx.actor.id, decision: args.decision, note: args.note, newDeadline: args.newDeadline });
    const lines: string[] = [];
    if (args.decision === '暂缓执行') {
      lines.push(`暂缓期间时限停止计算、不催办；恢复时发「恢复 ${task.code}」，时限按暂缓的工作日数顺延。`);
    } else if (newDeadline) {
      lines.push(`新时限：${formatDateCn(newDeadline, ctx.today)}（原定 ${formatDateCn(task.deadline, ctx.today)}）。`);
    }
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 答复：${args.decision}`,
        fields: [{ label: '事项', value: task.title }, ...(args.note ? [{ label: '说明', value: args.note }] : [])],
        lines: [`请 ${mention(request.raisedBy)} 按答复办理。`, ...lines, ...(late ? ['（答复已超过 3 个工作日时限，已记录）'] : [])],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
