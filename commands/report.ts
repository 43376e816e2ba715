import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { findPeriod } from '../src/calendar/periods.js';
import { computeTally } from '../src/reports/tally.js';
import { tallyKindOf, tallyReply } from '../src/render/tally-view.js';
import { previousWeek } from '../src/calendar/periods.js';
import { TALLY_ROLES } from '../src/domain/roles.js';
import { tallyExtras } from '../src/export/tally-extras.js';
import { annualReview } from './annual-review.js';
import { assessmentLines } from '../src/reports/assessment-lines.js';

const periodSchema = z.object({ from: z.string(), to: z.string(), label: z.string() });

export const weeklyReport = defineCommand({
  name: '周报',
  aliases: ['weekly', '周通报'],
  category: '查询',
  summary: '各单位督办周通报：交办、当日签收、按期办结、逾期、催办、协调，并排名（默认上周）',
  usage: ['周报', '周报 本周'],
  examples: ['周报', '周报 本周'],
  allowed: TALLY_ROLES,
  parse(input, ctx) {
    const p = input.text.trim() ? findPeriod(input.text, ctx.today) : previousWeek(ctx.today);
    if (!p) throw new UserError('bad_arguments', `看不懂「${input.text}」指哪一周，可写：本周、上周。`);
    return { period: p };
  },
  schema: z.object({ period: periodSchema }),
  async run(ctx, args) {
    const tally = await computeTally(ctx.repos.stats, ctx.directory, args.period, ctx.today);
    return { reply: tallyReply(tally, 'week', ctx.directory, { ...(await tallyExtras(ctx, args.period.to)), extra: await assessmentLines(ctx.repos, ctx.directory, tally) }) };
  },
});

export const statistics = defineCommand({
  name: '统计',
  aliases: ['stats', '月统计', '季度统计'],
  category: '查询',
  summary: '任一时段各单位督办统计与排名：本月、上月、2026年11月、本季度、2026年第4季度、今年',
  usage: ['统计 时段', '统计 2026年（年终考核）'],
  examples: ['统计 本月', '统计 上月', '统计 2026年第4季度', '统计 今年', '统计 2026年'],
  allowed: TALLY_ROLES,
  parse(input, ctx) {
    // `统计 2026年` is the 年终考核 of that year.
    const year = /^(\d{4})\s*年度?$/.exec(input.text.trim());
    if (year) return { year: Number(year[1]) };
    const p = findPeriod(input.text || '本月', ctx.today);
    if (!p) throw new UserError('bad_arguments', `看不懂「${input.text}」指哪个时段，可写：本月、上月、2026年11月、本季度、2026年第4季度、今年。`);
    return { period: p };
  },
  schema: z.union([z.object({ period: periodSchema }), z.object({ year: z.number().int().min(2000).max(2100) })]),
  async run(ctx, args) {
    if ('year' in args) return annualReview.run(ctx, args);
    const tally = await computeTally(ctx.repos.stats, ctx.directory, args.period, ctx.today);
    return { reply: tallyReply(tally, tallyKindOf(args.period), ctx.directory, { ...(await tallyExtras(ctx, args.period.to)), extra: await assessmentLines(ctx.repos, ctx.directory, tally) }) };
  },
});
