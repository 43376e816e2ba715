import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadTask } from '../src/core/task-access.js';
import { commandButton } from '../src/core/command-button.js';
import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { confirmExcusal, proposeExcusal, refuseExcusal } from '../src/domain/actions/excuse.js';
import type { Task } from '../src/domain/task.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { ARGUMENT_TEXTS } from '../src/texts/arguments.js';

const code = z.string({ message: ARGUMENT_TEXTS.taskCode });

/** A lapse to excuse: the task is (or was) overdue, chased, found untrue or on the ladder. */
function hasLapse(task: Task, today: string): boolean {
  const lateDone = task.completedDate !== undefined && task.completedDate > task.deadline;
  return task.ladderStep > 0 || task.chaseCount > 0 || task.reopenCount > 0 || lateDone || (task.deadline < today && (task.status === 'pending' || task.status === 'active'));
}

async function proposed(ctx: CommandContext, taskCode: string) {
  const task = await loadTask(ctx, taskCode);
  const e = await ctx.repos.excusals.current(task.id);
  if (!e || e.status !== 'proposed') {
    const why = e?.status === 'confirmed' ? '免责已确认' : e?.status === 'refused' ? '免责已不予确认' : '督查室尚未提出免责';
    throw new UserError('invalid_state', `${task.code} ${why}。`, false);
  }
  return { task, e };
}

export const excuse = defineCommand({
  name: '免责',
  aliases: ['excuse', '容错免责', '拟免责'],
  category: '例外',
  summary: '督查室对事项的失误提出免责（容错），写明理由，经秘书长确认后不计入日常考核工作台账和排名',
  usage: ['免责 事项编号 理由'],
  examples: ['免责 D-0001 临机处置突发汛情，抽调专班致方案延误，属先行先试中的失误'],
  allowed: ['督查室'],
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, reason: rest };
  },
  schema: z.object({ code, reason: z.string().min(4, '须写明免责理由').max(500, ARGUMENT_TEXTS.reasonMax500) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    if (task.parentId !== undefined) throw new UserError('invalid_state', `${task.code} 是一个阶段，请对事项本身提出免责。`, false);
    if (!hasLapse(task, ctx.today)) throw new UserError('invalid_state', `${task.code} 没有逾期、催办或复核不实的记录，无需免责。`, false);
    const current = await ctx.repos.excusals.current(task.id);
    if (current?.status === 'proposed') throw new UserError('invalid_state', `${task.code} 已提出免责，待秘书长确认。`, false);
    if (current?.status === 'confirmed') throw new UserError('invalid_state', `${task.code} 已免责。`, false);
    await proposeExcusal(ctx, task, ctx.actor.id, args.reason);
    const secretaries = ctx.directory.withRole('秘书长').map((p) => p.id);
    const ask = {
      tone: 'info' as const,
      title: `${task.code} 拟予免责，请确认`,
      fields: [
        { label: '事项', value: task.title },
        { label: '理由', value: args.reason },
        { label: '提出', value: ctx.directory.label(ctx.actor.id) },
      ],
      lines: [`同意的，回复「确认免责 ${task.code}」；不同意的，回复「不予免责 ${task.code} 理由」。`],
      actions: [
        commandButton('confirmExcuse', task.code, { style: 'primary', forPersonIds: secretaries }),
        commandButton('refuseExcuse', task.code, { style: 'danger', forPersonIds: secretaries, input: { placeholder: '不予免责的理由', required: true } }),
      ],
      ref: { kind: 'task' as const, code: task.code },
    };
    return {
      reply: {
        tone: 'info',
        title: `${task.code} 已提出免责，待秘书长确认`,
        fields: [
          { label: '事项', value: task.title },
          { label: '理由', value: args.reason },
        ],
        lines: [`经 ${secretaries.map((id) => ctx.directory.personName(id)).join('、') || '秘书长'} 确认前，仍按原记录计入台账和排名。`],
        ref: { kind: 'task', code: task.code },
      },
      notices: secretaries.map((personId) => ({ to: { kind: 'person' as const, personId }, reply: ask })),
    };
  },
});

export const confirmExcuse = defineCommand({
  name: COMMAND_WORDS.confirmExcuse,
  aliases: ['confirm-excuse', '同意免责'],
  category: '例外',
  summary: '秘书长确认督查室提出的免责：该事项不计入日常考核工作台账和排名，记录注明理由',
  usage: ['确认免责 事项编号 [意见]'],
  examples: ['确认免责 D-0001'],
  allowed: ['秘书长'],
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, note: rest };
  },
  schema: z.object({ code, note: z.string().max(500) }),
  async run(ctx, args) {
    const { task, e } = await proposed(ctx, args.code);
    const { withdrawn } = await confirmExcusal(ctx, task, e, ctx.actor.id, args.note || undefined);
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 免责已确认（${ctx.directory.label(ctx.actor.id)}）`,
        fields: [{ label: '事项', value: task.title }, { label: '理由', value: e.reason }, ...(args.note ? [{ label: '意见', value: args.note }] : [])],
        lines: ['不计入日常考核工作台账和督查排名，不再逐级通报。', ...(withdrawn ? ['已移出拟移交名单。'] : []), '事项仍须按时限办理。'],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});

export const refuseExcuse = defineCommand({
  name: COMMAND_WORDS.refuseExcuse,
  aliases: ['refuse-excuse'],
  category: '例外',
  summary: '秘书长不同意督查室提出的免责（写明理由），原记录照常计入',
  usage: ['不予免责 事项编号 理由'],
  examples: ['不予免责 D-0001 延误与突发事件无直接关系'],
  allowed: ['秘书长'],
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, note: rest };
  },
  schema: z.object({ code, note: z.string().min(2, '须写明不予免责的理由').max(500) }),
  async run(ctx, args) {
    const { task, e } = await proposed(ctx, args.code);
    await refuseExcusal(ctx, task, e, ctx.actor.id, args.note);
    return {
      reply: { tone: 'info', title: `${task.code} 不予免责`, fields: [{ label: '理由', value: args.note }], lines: ['原记录照常计入台账和排名。'], ref: { kind: 'task', code: task.code } },
    };
  },
});
