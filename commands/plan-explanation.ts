import { isOffice } from '../src/domain/roles.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { takeYear } from '../src/parsing/due-field.js';
import { planStandings } from '../src/reports/plan-rule.js';
import { splitDate } from '../src/time/shanghai.js';
import { recordPlanExplanation } from '../src/domain/actions/explain.js';

/**
 * H3: a unit whose year's plan has more than 10% of items not carried out explains in writing.
 * The bot records the explanation when given; it does not judge it.
 */
export const planExplanation = defineCommand({
  name: '书面说明',
  aliases: ['plan-explanation', '报送书面说明'],
  category: '例外',
  summary: '记录单位就年度工作计划超过10%的事项未实施作出的书面说明（单位主要负责人或督查室；1—3月默认上一年度）',
  usage: ['书面说明 单位 内容', '书面说明 2026年 单位 内容'],
  examples: ['书面说明 发改委 3项重大项目因用地指标未落实顺延，已调整至2027年一季度开工'],
  allowed: ['督查室', '单位主要负责人'],
  parse(input, ctx) {
    const { year, rest } = takeYear(input.text);
    const [unitWord = '', ...words] = rest.split(/\s+/).filter(Boolean);
    if (!unitWord) return { text: '' };
    const unit = ctx.directory.findUnit(unitWord);
    if (!unit) throw new UserError('unknown_unit', `通讯录中没有「${unitWord}」这个单位。`);
    const [y, m] = splitDate(ctx.today);
    return { unitId: unit.id, year: year ?? (m <= 3 ? y - 1 : y), text: words.join(' ') };
  },
  schema: z.object({
    unitId: z.string({ message: '请写明单位' }),
    year: z.number().int().min(2000).max(2100),
    text: z.string().min(4, '须写明书面说明的内容').max(2000, '不超过 2000 字'),
  }),
  async run(ctx, args) {
    const office = isOffice(ctx.actor);
    if (!office && ctx.actor.unitId !== args.unitId) {
      throw new UserError('no_permission', `${ctx.directory.unitName(args.unitId)} 的书面说明由该单位主要负责人作出，或由督查室登记。`, false);
    }
    await recordPlanExplanation(ctx, { unitId: args.unitId, year: args.year, text: args.text, by: ctx.actor.id });
    const cutoff = args.year < splitDate(ctx.today)[0] ? `${args.year + 1}-01-01` : ctx.today;
    const standing = (await planStandings(ctx.repos, args.year, cutoff)).find((s) => s.unitId === args.unitId);
    const figures =
      standing && standing.items > 0
        ? `${args.year}年计划 ${standing.items} 件，未按期落实 ${standing.missed} 件（${Math.round((standing.missed / standing.items) * 100)}%）${standing.over ? '，超过10%' : '，未超过10%'}。`
        : `${args.year}年计划尚无事项。`;
    return {
      reply: {
        tone: 'success',
        title: `${ctx.directory.unitName(args.unitId)} ${args.year}年度书面说明已记录`,
        fields: [
          { label: '内容', value: args.text },
          { label: '报送', value: ctx.directory.label(ctx.actor.id) },
        ],
        lines: [figures, '列入年终考核。'],
      },
    };
  },
});
