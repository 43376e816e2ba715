import { recordVerification } from '../src/domain/actions/verify.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand, type CommandContext, type CommandOutcome } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { loadTask } from '../src/core/task-access.js';
import { headsLookup, headsOf } from '../src/domain/people-state.js';
import { issueNotice, reachStep } from '../src/domain/actions/ladder-step.js';
import { stepNotice } from '../src/jobs/ladder-notices.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { formatDateCn } from '../src/time/shanghai.js';

export const verify = defineCommand({
  name: '复核',
  aliases: ['verify', '核实'],
  category: '例外',
  summary: '督查室复核办结情况：属实则销号，不实则退回重办、予以督查室通报并记入日常考核工作台账；已销号的可「回头看」',
  usage: ['复核 事项编号 属实 [说明]', '复核 事项编号 不实 情况说明 [截止:重办时限]'],
  examples: ['复核 D-0001 属实 实地查看方案已印发执行', '复核 D-0002 不实 清单缺南岭市项目 截止:12月25日'],
  allowed: ['督查室'],
  parse(input, ctx) {
    const { code, rest } = parseCodeAndText(input.text);
    const m = /^(属实|不实|不属实)[，,：:\s]*/.exec(rest);
    if (!m) throw new UserError('bad_arguments', '复核结论须为「属实」或「不实」。');
    let note = rest.slice(m[0].length).trim();
    let deadline: string | undefined;
    const dm = /(?:截止|时限|重办时限)[:：]\s*(\S+)/.exec(note);
    if (dm) {
      const d = parseDeadline(dm[1] ?? '', ctx.today, ctx.calendar);
      if (d.kind !== 'ok') throw new UserError('bad_deadline', d.kind === 'invalid' ? `${d.reason}。` : `「${dm[1]}」不是日期。`);
      deadline = d.deadline.date;
      note = note.replace(dm[0], '').trim();
    }
    return { code, result: m[1] === '属实' ? 'true' : 'false', note, deadline };
  },
  schema: z
    .object({
      code: taskCodeArg,
      result: z.enum(['true', 'false']),
      note: z.string().max(1000),
      deadline: z.string().optional(),
    })
    .refine((a) => a.result === 'true' || a.note.length >= 2, { message: '复核不实的，须写明不实的情况' }),
  run: (ctx, args) => runVerify(ctx, args, false),
});

/** 回头看 (B四(五)): re-checks any completion, and may reopen an item already verified 属实. */
export const lookBack = defineCommand({
  ...verify,
  name: '回头看',
  aliases: ['look-back'],
  summary: '督查室对已办结或已销号的事项「回头看」：属实维持，不实则退回重办（同复核不实）',
  usage: ['回头看 事项编号 属实 [说明]', '回头看 事项编号 不实 情况说明 [截止:重办时限]'],
  examples: ['回头看 D-0001 不实 实地查看仍有3处隐患未整改 截止:12月25日'],
  run: (ctx, args) => runVerify(ctx, args, true),
});

type VerifyArgs = { code: string; result: 'true' | 'false'; note: string; deadline?: string };

async function runVerify(ctx: CommandContext, args: VerifyArgs, allowVerified: boolean): Promise<CommandOutcome> {
  const task = await loadTask(ctx, args.code);
  const lookBack = allowVerified && task.status === 'verified';
  if (task.status === 'verified' && !lookBack) {
    throw new UserError('invalid_state', `${task.code} 已复核属实。如需再次核查，请用「回头看 ${task.code} 属实」或「回头看 ${task.code} 不实 情况」。`, false);
  }
  if (task.status !== 'completed' && !lookBack) throw new UserError('invalid_state', `${task.code} 尚未办结，无需复核。`, false);
  const outcome = await recordVerification(ctx, task, {
    by: ctx.actor.id,
    result: args.result,
    note: args.note,
    deadline: args.deadline,
    lookBack,
    markLookedBack: allowVerified,
  });
  if (outcome.result === 'true') {
    const title = lookBack ? `${task.code} 回头看：属实，维持销号` : `${task.code} 复核属实，予以销号`;
    return { reply: { tone: 'success', title, lines: args.note ? [args.note] : undefined, ref: { kind: 'task', code: task.code } } };
  }
  const { reopened, deadline } = outcome;
  // 退回重办 is a first-step event (B五(一)): a 督查室通报 and an entry in the 日常考核工作台账.
  const number = await issueNotice(ctx, 1);
  await reachStep(ctx, reopened, 1, 'untrue', number);
  const lookup = await headsLookup(ctx.repos, ctx.directory, ctx.today);
  const notice = stepNotice(ctx, number, [{ task: reopened, step: 1, trigger: 'untrue', target: { platform: ctx.message.platform, targetKind: 'chat', targetId: ctx.message.chatId } }], lookup);
  const lead = task.units.find((u) => u.role === 'lead');
  const notify = [...new Set([lead?.responsibleId ?? '', ...(await headsOf(ctx.repos, ctx.directory, task.leadUnitId, ctx.today))].filter(Boolean))];
  return {
    reply: {
      tone: 'error',
      title: `${task.code} ${lookBack ? '回头看发现不实' : '复核不实'}，退回重办`,
      fields: [
        { label: '事项', value: task.title },
        { label: '不实情况', value: args.note },
        { label: '重办时限', value: formatDateCn(deadline, ctx.today) + (deadline < ctx.today ? '（已逾期）' : '') },
      ],
      lines: [`请 ${notify.map(mention).join('、')} 整改后重新报送办结。本次复核不实已计入 ${ctx.directory.unitName(task.leadUnitId)}，见${number}。`],
      ref: { kind: 'task', code: task.code },
    },
    notices: [{ to: { kind: 'origin' }, reply: notice }],
  };
}
