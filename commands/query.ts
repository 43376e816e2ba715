import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { parseQuery, type QuerySpec } from '../src/query/query-spec.js';
import { answerQuery, QUERY_EXAMPLES } from '../src/query/answer-query.js';
import { resolveReference } from '../src/parsing/resolve-reference.js';

const schema = z.custom<QuerySpec>((v) => typeof v === 'object' && v !== null && 'kind' in v);

export const query = defineCommand({
  name: '查询',
  aliases: ['query', 'status', '查', '查看'],
  category: '查询',
  summary: '查询事项详情或清单：编号、逾期、未签收、本周到期、某单位、某人、我的',
  usage: ['查询 编号', '查询 逾期｜未签收｜本周到期｜在办｜我的', '查询 单位或人员 [逾期｜未签收…]'],
  examples: ['查询 D-0001', '查询 逾期', '查询 发改委 未签收', '查询 @王芳', '查询 我的', '查询 本月 办结'],
  allowed: 'anyone',
  parse(input, ctx) {
    const text = input.text.trim();
    if (text.length === 0) return { kind: 'list', countOnly: false, mine: !ctx.actor.roles.some((r) => ['主要领导', '秘书长', '督查室', '分管领导', '副秘书长'].includes(r)) };
    // An @mention names a person even when their display name differs from the directory's.
    const at = /[@＠](\S+)/.exec(text);
    const spec = parseQuery(text, ctx.directory, ctx.today);
    if (at && spec?.kind === 'list' && !spec.personId && !spec.unitId) {
      const ref = resolveReference(at[0], input.mentions, ctx.directory);
      if (ref?.kind === 'person') spec.personId = ref.personId;
      if (ref?.kind === 'unit') spec.unitId = ref.unitId;
    }
    if (!spec) {
      throw new UserError('bad_arguments', `看不懂「${text}」要查什么。可以问：${QUERY_EXAMPLES.join('；')}`);
    }
    return spec;
  },
  schema,
  async run(ctx, spec) {
    return { reply: await answerQuery(spec, { repos: ctx.repos, actor: ctx.actor, directory: ctx.directory, calendar: ctx.calendar, today: ctx.today }) };
  },
});
