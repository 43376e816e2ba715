import { appointActing, endActing } from '../src/domain/actions/absence.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { resolveReference } from '../src/parsing/resolve-reference.js';
import { parseDateRange } from '../src/parsing/date-range.js';
import { formatDateCn } from '../src/time/shanghai.js';

const schema = z.discriminatedUnion('action', [z.object({ action: z.literal('end') }), z.object({ action: z.literal('set'), actingId: z.string(), from: z.string(), to: z.string() })]);

export const acting = defineCommand({
  name: '代行',
  aliases: ['acting', '授权代行'],
  category: '例外',
  summary: '单位主要负责人缺位时授权本单位一名人员代行职责（期间可代表单位签收、办理，并接收催办）',
  usage: ['代行 @代行人 至 结束日期', '代行 结束'],
  examples: ['代行 @王芳 至 12月20日', '代行 结束'],
  allowed: ['单位主要负责人', '督查室', '管理员'],
  parse(input, ctx) {
    const text = input.text.trim();
    if (/^(结束|取消|end)$/.test(text)) return { action: 'end' };
    const m = /^([@＠]?\S+)\s*/.exec(text);
    const ref = m ? resolveReference(m[1] ?? '', input.mentions, ctx.directory) : undefined;
    if (ref?.kind !== 'person') throw new UserError('bad_arguments', '请 @ 代行人，如「代行 @王芳 至 12月20日」。');
    const range = parseDateRange(text.slice(m?.[0].length ?? 0), ctx.today, ctx.calendar);
    if (!range) throw new UserError('bad_arguments', '请写明代行到哪一天，如「至 12月20日」。');
    return { action: 'set', actingId: ref.personId, from: range.from, to: range.to };
  },
  schema,
  async run(ctx, args) {
    const isHead = ctx.actor.roles.includes('单位主要负责人');
    if (args.action === 'end') {
      if (!isHead || !ctx.actor.unitId) throw new UserError('no_permission', '「代行 结束」由单位主要负责人发出。', false);
      if (!(await endActing(ctx, ctx.actor.unitId))) throw new UserError('invalid_state', `${ctx.directory.unitName(ctx.actor.unitId)} 今天没有代行安排。`, false);
      return { reply: { tone: 'success', title: `${ctx.directory.unitName(ctx.actor.unitId)} 代行安排已结束，由 ${ctx.actor.name} 履职` } };
    }
    const actingPerson = ctx.directory.person(args.actingId);
    if (!actingPerson?.unitId) throw new UserError('unknown_person', `${ctx.directory.personName(args.actingId)} 不属于任何承办单位。`, false);
    const unitId = isHead && ctx.actor.unitId ? ctx.actor.unitId : actingPerson.unitId;
    if (actingPerson.unitId !== unitId) {
      throw new UserError('no_permission', `代行人须为本单位人员，${actingPerson.name} 属于 ${ctx.directory.unitName(actingPerson.unitId)}。`, false);
    }
    if (actingPerson.id === ctx.directory.unitHead(unitId)?.id) throw new UserError('bad_arguments', '代行人不能是单位主要负责人本人。', false);
    await appointActing(ctx, { unitId, actingId: actingPerson.id, from: args.from, to: args.to, by: ctx.actor.id });
    return {
      reply: {
        tone: 'success',
        title: `${ctx.directory.unitName(unitId)}：${formatDateCn(args.from, ctx.today)}至${formatDateCn(args.to, ctx.today)}由 ${actingPerson.name} 代行主要负责人职责`,
        lines: [`${mention(actingPerson.id)} 期间可代表单位签收、报送进展和办结，并接收应送单位主要负责人的催办。`],
      },
    };
  },
});
