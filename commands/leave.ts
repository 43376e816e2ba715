import { declareAbsence, endAbsence } from '../src/domain/actions/absence.js';
import { z } from 'zod';
import { defineCommand, type CommandInput, type ParseContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { resolveReference } from '../src/parsing/resolve-reference.js';
import { parseDateRange } from '../src/parsing/date-range.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { formatSpanCn } from '../src/time/shanghai.js';
import { passToSubstitutes } from '../src/domain/coordination-substitute.js';
import { substituteNotice } from '../src/render/substitute-notice.js';
import { REFUSALS } from '../src/texts/refusals.js';

const OFFICE = ['督查室', '管理员'] as const;

/** `@郑晓东 …` at the start names someone else; only the office may declare for others. */
function target(input: CommandInput, ctx: ParseContext): { personId: string; rest: string } {
  const m = /^([@＠]?\S+)\s*/.exec(input.text);
  const ref = m ? resolveReference(m[1] ?? '', input.mentions, ctx.directory) : undefined;
  if (ref?.kind === 'person') {
    if (ref.personId !== ctx.actor.id && !ctx.actor.roles.some((r) => (OFFICE as readonly string[]).includes(r))) {
      throw new UserError('no_permission', '只能为本人请假；为他人登记请假请联系督查室。', false);
    }
    return { personId: ref.personId, rest: input.text.slice(m?.[0].length ?? 0) };
  }
  if (ref?.kind === 'unknown') throw new UserError('unknown_person', REFUSALS.unknownPerson(ref.name));
  return { personId: ctx.actor.id, rest: input.text };
}

/** `请假 明天 看病`, `请假 12月10日`: one named day is that day (a span such as 3天 is not: its end is asked). */
function oneDay(text: string, ctx: ParseContext): { from: string; to: string; rest: string } | undefined {
  const m = /^(\S+)\s*(.*)$/.exec(text.trim());
  const day = m?.[1] ?? '';
  if (!m || /^[\d一二三四五六七八九十两]+个?(天|日|号|自然日|周|星期|礼拜|月|工作日)$/.test(day)) return undefined;
  const parsed = parseDeadline(day, ctx.today, ctx.calendar);
  if (parsed.kind === 'invalid') throw new UserError('bad_deadline', `${parsed.reason}。`);
  if (parsed.kind !== 'ok') return undefined;
  return { from: parsed.deadline.date, to: parsed.deadline.date, rest: (m[2] ?? '').trim() };
}

export const leave = defineCommand({
  name: '请假',
  aliases: ['leave', '外出', '出差'],
  category: '例外',
  summary: '登记缺位（请假、出差）：副秘书长缺位时由递补人接手协调，单位负责人可另行指定代行',
  usage: ['请假 至 结束日期 [事由]', '请假 开始日期至结束日期 [事由]', '请假 日期 [事由]（一天）', '请假 @某人 至 结束日期（督查室代为登记）'],
  examples: ['请假 至 12月20日 赴京汇报', '请假 12月10日至12月12日 出差', '请假 @郑晓东 至 12月18日'],
  allowed: 'anyone',
  parse(input, ctx) {
    const t = target(input, ctx);
    const range = parseDateRange(t.rest, ctx.today, ctx.calendar) ?? oneDay(t.rest, ctx);
    if (!range) throw new UserError('bad_arguments', '请写明请假到哪一天，如「请假 至 12月20日」。');
    return { personId: t.personId, from: range.from, to: range.to, reason: range.rest || undefined };
  },
  schema: z.object({ personId: z.string(), from: z.string(), to: z.string(), reason: z.string().max(200).optional() }),
  async run(ctx, args) {
    await declareAbsence(ctx, { ...args, by: ctx.actor.id });
    const person = ctx.directory.person(args.personId);
    const lines: string[] = [];
    const sub = person?.substituteId ? ctx.directory.personName(person.substituteId) : undefined;
    if (person?.roles.includes('副秘书长') && sub) lines.push(`缺位期间，协调事项由 ${sub} 递补（缺位递补）。`);
    // Items already pending pass at once when the leave has begun; later ones when it begins (coordination job).
    const passed = args.from <= ctx.today ? await passToSubstitutes(ctx, await ctx.repos.coordinations.involving(args.personId)) : [];
    if (passed.length > 0) lines.push(`待协调的 ${passed.map((p) => p.item.code).join('、')} 已转由递补人接手。`);
    if (person?.roles.includes('单位主要负责人')) lines.push('如需由他人代行职责，请发「代行 @代行人 至 日期」。');
    return {
      reply: {
        tone: 'success',
        title: `已登记 ${ctx.directory.personName(args.personId)} 缺位：${formatSpanCn(args.from, args.to, ctx.today)}`,
        lines,
        note: args.reason ? `事由：${args.reason}` : undefined,
      },
      notices: await Promise.all(passed.map(async (p) => ({ to: { kind: 'origin' as const }, reply: await substituteNotice(ctx, p) }))),
    };
  },
});

export const returnFromLeave = defineCommand({
  name: '销假',
  aliases: ['back', '返岗'],
  category: '例外',
  summary: '结束缺位登记',
  usage: ['销假', '销假 @某人（督查室代为登记）'],
  examples: ['销假'],
  allowed: 'anyone',
  parse(input, ctx) {
    return { personId: input.text.trim() ? target(input, ctx).personId : ctx.actor.id };
  },
  schema: z.object({ personId: z.string() }),
  async run(ctx, args) {
    if (!(await endAbsence(ctx, args.personId))) throw new UserError('invalid_state', `${ctx.directory.personName(args.personId)} 今天没有缺位登记。`, false);
    return { reply: { tone: 'success', title: `${ctx.directory.personName(args.personId)} 已销假` } };
  },
});
