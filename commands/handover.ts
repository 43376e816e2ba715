import { handOverPerson, handOverTask } from '../src/domain/actions/hand-over.js';
import { hasRole, oversees } from '../src/domain/roles.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { loadTask } from '../src/core/task-access.js';
import { headsOf } from '../src/domain/people-state.js';
import { ASSIGNER_ROLES } from '../src/domain/roles.js';
import { OPEN_STATUSES } from '../src/domain/task.js';
import { resolveReference } from '../src/parsing/resolve-reference.js';
import { TASK_CODE_PATTERN, normalizeTaskCode } from '../src/domain/task.js';
import { statusText } from '../src/render/task-view.js';

const schema = z
  .object({
    code: z.string().optional(),
    fromId: z.string().optional(),
    toId: z.string({ message: '请 @ 接手的人员' }),
  })
  .refine((a) => a.code !== undefined || a.fromId !== undefined, { message: '请写明原经办人（@原经办人）或事项编号' });

export const handover = defineCommand({
  name: '转交',
  aliases: ['handover', '移交', '交接'],
  category: '例外',
  summary: '人员变动时把原经办人名下全部在办事项（或单个事项）转给接任者，历史、时限和催办次数不变',
  usage: ['转交 @原经办人 @接任者', '转交 事项编号 @接任者'],
  examples: ['转交 @王芳 @蒋涛', '转交 D-0001 @李明'],
  allowed: 'anyone',
  parse(input, ctx) {
    const codes = [...input.text.matchAll(TASK_CODE_PATTERN)].map((m) => normalizeTaskCode(m[0]));
    const rest = input.text.replace(TASK_CODE_PATTERN, ' ');
    const people: string[] = [];
    for (const word of rest.split(/[\s,，、→>]+/).filter(Boolean)) {
      const ref = resolveReference(word, input.mentions, ctx.directory);
      if (ref?.kind === 'person') people.push(ref.personId);
      else if (ref?.kind === 'unknown') throw new UserError('unknown_person', `通讯录中没有「${ref.name}」。新任人员须先由管理员加入通讯录。`);
      else if (!/^(给|交给|转给|由|接手|至|到)$/.test(word)) throw new UserError('bad_arguments', `「${word}」不是通讯录中的人员。`);
    }
    if (codes.length > 1) throw new UserError('bad_arguments', '一次只能转交一个事项；转交某人全部事项请写「转交 @原经办人 @接任者」。');
    if (codes[0]) return { code: codes[0], toId: people[0] };
    return { fromId: people[0], toId: people[1] };
  },
  schema,
  async run(ctx, args) {
    const to = ctx.directory.person(args.toId);
    if (!to) throw new UserError('unknown_person', '接任者不在通讯录中。');
    const office = oversees(ctx.actor) || hasRole(ctx.actor, '管理员');

    if (args.code) {
      const task = await loadTask(ctx, args.code);
      if (!OPEN_STATUSES.includes(task.status) && task.status !== 'paused') throw new UserError('invalid_state', `${task.code} 已办结，无需转交。`, false);
      const unit = task.units.find((u) => u.unitId === to.unitId);
      if (!unit) throw new UserError('bad_arguments', `${to.name} 所在单位不是 ${task.code} 的承办单位；接任者须为本单位人员。`, false);
      const heads = await headsOf(ctx.repos, ctx.directory, unit.unitId, ctx.today);
      if (!office && ctx.actor.id !== unit.responsibleId && !heads.includes(ctx.actor.id)) {
        throw new UserError('no_permission', `${task.code} 由本单位责任人、单位主要负责人或督查室转交。`, false);
      }
      if (unit.responsibleId === to.id) throw new UserError('invalid_state', `${to.name} 已是 ${task.code} 的责任人。`, false);
      await handOverTask(ctx, task, unit, to.id);
      return {
        reply: {
          tone: 'success',
          title: `${task.code} 已转交：${ctx.directory.personName(unit.responsibleId)} → ${to.name}`,
          lines: [`${mention(to.id)} 请接续办理：${task.title}（${statusText(task, ctx)}，已催办 ${task.chaseCount} 次）。`],
          note: '历史记录、时限和催办次数保持不变。',
          ref: { kind: 'task', code: task.code },
        },
      };
    }

    const from = ctx.directory.person(args.fromId ?? '');
    if (!from) throw new UserError('unknown_person', '原经办人不在通讯录中。');
    if (from.id === to.id) throw new UserError('bad_arguments', '原经办人和接任者是同一人。');
    const heads = from.unitId ? await headsOf(ctx.repos, ctx.directory, from.unitId, ctx.today) : [];
    if (!office && !heads.includes(ctx.actor.id)) throw new UserError('no_permission', '人员整体转交由所在单位主要负责人或督查室办理。', false);
    if (from.unitId && to.unitId !== from.unitId) {
      throw new UserError('bad_arguments', `接任者须与原经办人同属 ${ctx.directory.unitName(from.unitId)}；${to.name} 属于 ${to.unitId ? ctx.directory.unitName(to.unitId) : '省政府领导'}。`, false);
    }
    const v = { directory: ctx.directory, calendar: ctx.calendar, today: ctx.today };
    const moved = await handOverPerson(ctx, from.id, to.id, { assignerDuty: to.roles.some((r) => ASSIGNER_ROLES.includes(r)) });
    const ROLE = { owner: '首问负责', requester: '提请人', handler: '协调人' } as const;
    const lines = moved.map((m) => {
      if (m.kind === 'task') return `${m.task.code} ${m.task.title}｜${statusText(m.task, v)}｜${m.task.deadline.slice(5)} 截止｜已催办 ${m.task.chaseCount} 次`;
      if (m.kind === 'assigner') return `${m.task.code} ${m.task.title}｜交办人职责`;
      if (m.kind === 'coordination') return `${m.item.code} 协调事项（${ROLE[m.role]}）`;
      return `待答复的申请 ${m.count} 件，答复将送达接任者`;
    });
    if (lines.length === 0) return { reply: { tone: 'info', title: `${from.name} 名下没有在办事项，无需转交` } };
    return {
      reply: {
        tone: 'success',
        title: `已转交：${from.name} → ${to.name}（${lines.length} 项）`,
        mentions: [to.id],
        lines: ['交接清单：', ...lines],
        note: '历史记录、时限和催办次数保持不变。新官要理旧账，请接任者逐项接续办理。',
      },
    };
  },
});
