import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { findPeriod, monthOf } from '../src/calendar/periods.js';
import { ledgerReply } from '../src/reports/ledger.js';

const periodSchema = z.object({ from: z.string(), to: z.string(), label: z.string() });

export const ledger = defineCommand({
  name: '考核台账',
  aliases: ['查询考核台账', '查询 考核台账', 'ledger', '日常考核工作台账'],
  category: '查询',
  summary: '查询日常考核工作台账：记入台账的事项（催办 1 次、复核不实）和逐级通报、拟移交情况（默认本月）',
  usage: ['查询 考核台账 [单位] [时段]'],
  examples: ['查询 考核台账', '查询 考核台账 发改委 本月', '查询 考核台账 上周'],
  allowed: ['主要领导', '分管领导', '秘书长', '督查室', '管理员'],
  parse(input, ctx) {
    let rest = input.text.replace(/^考核台账/, '').trim();
    const period = rest ? findPeriod(rest, ctx.today) : undefined;
    const words = rest.split(/\s+/).filter(Boolean);
    let unitId: string | undefined;
    for (const w of words) {
      const unit = ctx.directory.findUnit(w);
      if (unit) {
        unitId = unit.id;
        rest = rest.replace(w, '').trim();
      }
    }
    if (rest && !period) throw new UserError('bad_arguments', `看不懂「${rest}」：可写单位名称和时段，如「发改委 本月」「上周」。`);
    return { unitId, period: period ?? monthOf(ctx.today, '本月') };
  },
  schema: z.object({ unitId: z.string().optional(), period: periodSchema }),
  async run(ctx, args) {
    return { reply: await ledgerReply(ctx.repos, ctx.directory, args.period, args.unitId) };
  },
});
