import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { TALLY_ROLES } from '../src/domain/roles.js';
import { takeYear } from '../src/parsing/due-field.js';
import { computeAnnual } from '../src/reports/annual.js';
import { annualReply } from '../src/render/annual-view.js';
import { splitDate } from '../src/time/shanghai.js';

export const annualReview = defineCommand({
  name: '年终考核',
  aliases: ['annual-review', '年度考核'],
  category: '查询',
  summary: '年终考核：各单位事项、按期办结率、逾期、催办和通报、复核不实、效能告诫、整改、书面说明，及个人情况（默认上一年度）',
  usage: ['年终考核 2026年', '统计 2026年'],
  examples: ['年终考核 2026年', '年终考核 今年'],
  allowed: TALLY_ROLES,
  parse(input, ctx) {
    const [y, m] = splitDate(ctx.today);
    const text = input.text.trim();
    // Without a year: in December the year about to close (年终), otherwise the year just closed.
    if (!text) return { year: m === 12 ? y : y - 1 };
    if (/^(去年|上年|上一年度?)$/.test(text)) return { year: y - 1 };
    if (/^(今年|本年度?)$/.test(text)) return { year: y };
    const { year, rest } = takeYear(text);
    if (!year || rest) throw new UserError('bad_arguments', `看不懂「${text}」指哪一年，可写：2026年、今年、去年。`);
    return { year };
  },
  schema: z.object({ year: z.number().int().min(2000, '年份有误').max(2100, '年份有误') }),
  async run(ctx, args) {
    const review = await computeAnnual(ctx.repos, ctx.directory, args.year, ctx.today, ctx.settings.assessmentWeights);
    return { reply: annualReply(review, ctx.directory, ctx.settings.assessmentWeights) };
  },
});
