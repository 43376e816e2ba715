import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadTask, requireOpen } from '../src/core/task-access.js';
import { acceptExplanation, assigningLeader, recordDemand, recordExplanation } from '../src/domain/actions/explain.js';
import { isLeader } from '../src/domain/ladder.js';
import { openRectificationList, RECTIFY_DEFAULT_DAYS } from '../src/domain/actions/rectification-list.js';
import { headsOf } from '../src/domain/people-state.js';
import type { Task } from '../src/domain/task.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { formatDateCn, formatShortDateTime } from '../src/time/shanghai.js';
import { addressPerson } from '../src/domain/leader-address.js';
import { ARGUMENT_TEXTS } from '../src/texts/arguments.js';

/** Working days a 整改要求 without a date gives the unit. */
export const DEMAND_DEFAULT_DAYS = 3;

const code = taskCodeArg;

/** The lead unit's people to tell (responsible person, head, acting head), leaders left out. */
async function unitPeople(ctx: CommandContext, task: Task): Promise<string[]> {
  const lead = task.units.find((u) => u.role === 'lead')?.responsibleId;
  const heads = await headsOf(ctx.repos, ctx.directory, task.leadUnitId, ctx.today);
  return [...new Set([lead ?? '', ...heads])].filter((id) => id && !isLeader(ctx.directory.person(id)));
}

export const rectificationDemand = defineCommand({
  name: '整改要求',
  aliases: ['demand', '提出整改要求'],
  category: '例外',
  summary: '领导或督查室对事项提出明确整改要求；逾期仍落实不力的，予以办公厅通报（两通报第二步）',
  usage: ['整改要求 事项编号 要求内容 [截止:日期]'],
  examples: ['整改要求 D-0001 本周内报送项目清单初稿 截止:12月11日'],
  allowed: ['主要领导', '分管领导', '秘书长', '督查室'],
  parse(input, ctx) {
    const { code, rest } = parseCodeAndText(input.text);
    let text = rest;
    let due: string | undefined;
    const dm = /(?:截止|时限)[:：]\s*(\S+)/.exec(text);
    if (dm) {
      const d = parseDeadline(dm[1] ?? '', ctx.today, ctx.calendar);
      if (d.kind !== 'ok') throw new UserError('bad_deadline', d.kind === 'invalid' ? `${d.reason}。` : `「${dm[1]}」不是日期。`);
      due = d.deadline.date;
      text = text.replace(dm[0], '').trim();
    }
    return { code, text, due: due ?? ctx.calendar.addWorkingDays(ctx.today, DEMAND_DEFAULT_DAYS) };
  },
  schema: z.object({ code, text: z.string().min(4, '须写明整改要求的内容').max(1000, '不超过 1000 字'), due: z.string() }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '提出整改要求');
    if (args.due <= ctx.today) throw new UserError('bad_deadline', '整改要求的截止日期须晚于今天。');
    await recordDemand(ctx, task, ctx.actor.id, args.text, args.due);
    const people = await unitPeople(ctx, task);
    return {
      reply: {
        tone: 'warning',
        title: `${task.code} 整改要求已记录`,
        fields: [
          { label: '事项', value: task.title },
          { label: '要求', value: args.text },
          { label: '提出', value: ctx.directory.label(ctx.actor.id) },
          { label: '截止', value: formatDateCn(args.due, ctx.today) },
        ],
        lines: [`请 ${people.map((id) => addressPerson(ctx.directory, id)).join('、')} 按要求整改落实；到期仍落实不力的，予以办公厅通报。`],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});

export const explanation = defineCommand({
  name: '说明',
  aliases: ['explain', '作出说明'],
  category: '例外',
  summary: '被通报单位主要负责人（或代行人）向交办领导作出说明，并提出整改落实措施',
  usage: ['说明 事项编号 原因；整改措施：措施'],
  examples: ['说明 D-0001 项目需与财政厅逐一核对额度，耗时超出预期；整改措施：抽调3人专班，12月15日前报送'],
  allowed: 'anyone',
  parse(input) {
    // 说明不实: no such verdict. The bot records explanations; 督查室 may find one true, and work
    // still not done goes on up the ladder (拟移交) — never a judgement the bot writes.
    if (/^(不实|不属实|未属实|不成立)/.test(input.text.trim())) {
      throw new UserError(
        'bad_arguments',
        '没有「说明不实」命令。机器人只记录单位的说明；督查室认定说明属实的，发「说明属实 事项编号 理由」。说明未被认定属实、事项仍未落实的，继续按「两通报、一移交」办理，提请移交发「拟移交 事项编号 理由」。',
        false,
      );
    }
    const { code, rest } = parseCodeAndText(input.text);
    const m = /[；;，,。\s]*整改(?:落实)?措施[:：]\s*/.exec(rest);
    if (code && !m) throw new UserError('bad_arguments', '说明须同时写明原因和整改落实措施，用「；整改措施：」分开。');
    return { code, text: m ? rest.slice(0, m.index).trim() : rest, measures: m ? rest.slice(m.index + m[0].length).trim() : '' };
  },
  schema: z.object({
    code,
    text: z.string().min(4, '须写明原因').max(1000, ARGUMENT_TEXTS.reasonMax1000),
    measures: z.string().min(4, '须写明整改落实措施').max(1000, '整改措施不超过 1000 字'),
  }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    const heads = await headsOf(ctx.repos, ctx.directory, task.leadUnitId, ctx.today);
    if (!heads.includes(ctx.actor.id)) {
      throw new UserError(
        'no_permission',
        `${task.code} 的说明由牵头单位主要负责人（或代行人）作出：${heads.map((id) => ctx.directory.personName(id)).join('、') || ctx.directory.unitName(task.leadUnitId)}。`,
        false,
      );
    }
    await recordExplanation(ctx, task, ctx.actor.id, args.text, args.measures);
    // The 整改落实措施 are followed as a 整改清单, item by item (H13, Q二(一)1).
    const measures = args.measures
      .split(/[；;\n]+/)
      .map((m) => m.trim())
      .filter((m) => m.length >= 2);
    const due = ctx.calendar.addWorkingDays(ctx.today, RECTIFY_DEFAULT_DAYS);
    const { list, items } = await openRectificationList(ctx, {
      unitId: task.leadUnitId,
      reason: `${task.code} ${task.title}整改落实措施`,
      items: measures.map((text) => ({ text })),
      deadline: due,
      assignerId: ctx.actor.id,
      origin: ctx.message,
      kind: 'explanation',
      sourceTaskId: task.id,
      acknowledgedBy: ctx.actor.id,
    });
    const leader = assigningLeader(task, ctx.directory) ?? task.assignerId;
    return {
      reply: {
        tone: 'info',
        title: `${task.code} 说明已记录（${ctx.directory.unitName(task.leadUnitId)} ${ctx.actor.name} ${formatShortDateTime(ctx.now)}）`,
        fields: [
          { label: '原因', value: args.text },
          { label: '整改措施', value: args.measures },
          { label: '说明对象', value: ctx.directory.label(leader) },
        ],
        lines: [
          '随专报送达；经督查室认定属实的，不再逐级上报。',
          `整改落实措施已列入整改清单 ${list.code}（${items.map((t) => t.code).join('、')}，${formatDateCn(due, ctx.today)}前），逐项办结、督查室跟踪落实。`,
        ],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});

export const acceptExplanationCommand = defineCommand({
  name: '说明属实',
  aliases: ['accept-explanation', '认定说明属实'],
  category: '例外',
  summary: '督查室认定单位说明属实：不再逐级上报（已列入拟移交名单而未决定的，移出名单）',
  usage: ['说明属实 事项编号 [意见]'],
  examples: ['说明属实 D-0001 额度核对确需时间，整改措施可行'],
  allowed: ['督查室'],
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, remark: rest };
  },
  schema: z.object({ code, remark: z.string().max(500) }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    const note = (await ctx.repos.ladder.notesForTask(task.id)).filter((n) => n.kind === 'explanation').at(-1);
    if (!note) throw new UserError('invalid_state', `${task.code} 尚无单位说明；单位主要负责人作出说明后，方可认定。`, false);
    if (note.status === 'accepted') throw new UserError('invalid_state', `${task.code} 的说明已认定属实。`, false);
    if (task.accountabilityAt) throw new UserError('invalid_state', `${task.code} 已经省政府同意移交纪检监察机关。`, false);
    const { withdrawn } = await acceptExplanation(ctx, task, note, args.remark);
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 单位说明经认定属实，不再逐级上报`,
        lines: [...(args.remark ? [args.remark] : []), ...(withdrawn ? ['已移出拟移交名单。'] : []), '催办照常进行，请按整改措施抓紧落实。'],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
