import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadTask } from '../src/core/task-access.js';
import { approveReferral, proposeReferral, refuseReferral } from '../src/domain/actions/referral.js';
import type { HandoverProposal } from '../src/domain/ladder.js';
import type { Task } from '../src/domain/task.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { shortFromIso } from '../src/time/shanghai.js';

const code = taskCodeArg;
const parse = (input: { text: string }) => {
  const { code, rest } = parseCodeAndText(input.text);
  return { code, text: rest };
};

/** The proposal waiting for this actor's decision, or a refusal that says where the matter stands. */
async function pendingDecision(ctx: CommandContext, task: Task): Promise<HandoverProposal> {
  const p = await ctx.repos.ladder.currentProposal(task.id);
  if (!p || p.status === 'listed' || p.status === 'withdrawn') throw new UserError('invalid_state', `${task.code} 未提请移交，无需决定。`, false);
  if (p.status !== 'proposed') throw new UserError('invalid_state', `${task.code} 已于 ${shortFromIso(p.decidedAt ?? '')} 由 ${ctx.directory.personName(p.decidedBy ?? '')} 作出决定。`, false);
  if (p.approverId !== ctx.actor.id) {
    throw new UserError('no_permission', `是否移交纪检监察机关，由 ${ctx.directory.label(p.approverId ?? '')} 决定。`, false);
  }
  return p;
}

export const proposeReferralCommand = defineCommand({
  name: '拟移交',
  aliases: ['propose-referral', '提请移交'],
  category: '例外',
  summary: '督查室或秘书长将拟移交名单中的事项提请省政府主要领导决定是否移交纪检监察机关',
  usage: ['拟移交 事项编号 理由'],
  examples: ['拟移交 D-0001 被催办 3 次仍未落实，单位未能充分说明原因'],
  allowed: ['督查室', '秘书长'],
  parse,
  schema: z.object({ code, text: z.string().min(4, '须写明提请移交的理由').max(1000) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    const p = await ctx.repos.ladder.currentProposal(task.id);
    if (!p || p.status === 'withdrawn') {
      throw new UserError('invalid_state', `${task.code} 不在拟移交名单中（被催办 3 次仍未落实、又未能充分说明原因的，方列入名单）。`, false);
    }
    if (p.status !== 'listed') {
      const who = ctx.directory.personName(p.status === 'proposed' ? (p.proposedBy ?? '') : (p.decidedBy ?? ''));
      throw new UserError('invalid_state', p.status === 'proposed' ? `${task.code} 已由 ${who} 提请，待决定。` : `${task.code} 已由 ${who} 作出决定。`, false);
    }
    const approver = ctx.directory.handoverApprover();
    if (!approver) throw new UserError('invalid_state', '通讯录中没有主要领导，无法提请决定。请管理员在通讯录中设置。', false);
    await proposeReferral(ctx, task, p, ctx.actor.id, args.text, approver.id);
    return {
      reply: {
        tone: 'warning',
        title: `${task.code} 已提请 ${ctx.directory.label(approver.id)} 决定是否移交纪检监察机关`,
        fields: [
          { label: '事项', value: task.title },
          { label: '理由', value: args.text },
        ],
        lines: ['随专报送达；未经同意，不作移交。'],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});

export const approveReferralCommand = defineCommand({
  name: '同意移交',
  aliases: ['approve-referral'],
  category: '例外',
  summary: '主要领导（或通讯录指定的领导）同意将事项移交纪检监察机关',
  usage: ['同意移交 事项编号 [意见]'],
  examples: ['同意移交 D-0001'],
  allowed: 'anyone',
  parse,
  schema: z.object({ code, text: z.string().max(500) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    const p = await pendingDecision(ctx, task);
    const { headId, directId } = await approveReferral(ctx, task, p, ctx.actor.id, args.text);
    return {
      reply: {
        tone: 'error',
        title: `${task.code} 经 ${ctx.directory.label(ctx.actor.id)} 同意移交纪检监察机关`,
        fields: [
          { label: '事项', value: task.title },
          { label: '主办单位', value: ctx.directory.unitName(task.leadUnitId) },
          { label: '主办单位负责人', value: headId ? ctx.directory.label(headId) : '（通讯录未列）' },
          { label: '直接责任人', value: directId ? ctx.directory.label(directId) : '（未列）' },
          { label: '提请', value: `${ctx.directory.personName(p.proposedBy ?? '')}：${p.reason ?? ''}` },
          ...(args.text ? [{ label: '意见', value: args.text }] : []),
        ],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});

export const refuseReferralCommand = defineCommand({
  name: '不予移交',
  aliases: ['refuse-referral', '不同意移交'],
  category: '例外',
  summary: '主要领导（或通讯录指定的领导）决定不予移交，须写明理由；事项继续督办',
  usage: ['不予移交 事项编号 理由'],
  examples: ['不予移交 D-0001 该单位已作出整改部署，由督查室继续督办'],
  allowed: 'anyone',
  parse,
  schema: z.object({ code, text: z.string().min(2, '不予移交须写明理由').max(500) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    const p = await pendingDecision(ctx, task);
    await refuseReferral(ctx, task, p, ctx.actor.id, args.text);
    return {
      reply: {
        tone: 'info',
        title: `${task.code} 经 ${ctx.directory.label(ctx.actor.id)} 决定，不予移交`,
        fields: [
          { label: '事项', value: task.title },
          { label: '理由', value: args.text },
        ],
        lines: ['事项继续督办。'],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
