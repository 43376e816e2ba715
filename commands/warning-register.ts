import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { takeYear } from '../src/parsing/due-field.js';
import { consequenceLines, yearWarnings } from '../src/reports/warning-summary.js';
import { formatDateShortCn, splitDate } from '../src/time/shanghai.js';

export const warningRegister = defineCommand({
  name: '告诫台账',
  aliases: ['查询 告诫台账', '查询告诫台账', 'warnings', '效能告诫台账'],
  category: '查询',
  summary: '查询效能告诫台账：各次告诫（含已撤销）及当年考核后果（默认今年）',
  usage: ['告诫台账 [单位] [2026年]'],
  examples: ['告诫台账', '告诫台账 发改委 2026年'],
  allowed: ['主要领导', '分管领导', '秘书长', '督查室', '管理员'],
  parse(input, ctx) {
    const { year, rest } = takeYear(input.text);
    let unitId: string | undefined;
    if (rest) {
      const unit = ctx.directory.findUnit(rest);
      if (!unit) throw new UserError('bad_arguments', `看不懂「${rest}」：可写单位简称和年份，如「发改委 2026年」。`);
      unitId = unit.id;
    }
    return { year: year ?? splitDate(ctx.today)[0], unitId };
  },
  schema: z.object({ year: z.number().int().min(2000).max(2100), unitId: z.string().optional() }),
  async run(ctx, args) {
    const all = (await ctx.repos.warnings.inRange(`${args.year}-01-01`, `${args.year}-12-31`)).filter((w) => !args.unitId || w.unitId === args.unitId);
    const d = ctx.directory;
    const lines = all.map((w) => {
      const who = w.personId ? `${d.personName(w.personId)}（${d.unit(w.unitId)?.aliases[0] ?? d.unitName(w.unitId)}）` : `${d.unitName(w.unitId)}（单位）`;
      const withdrawn = w.withdrawnAt ? `｜已撤销（${formatDateShortCn(w.withdrawnAt.slice(0, 10))}，${w.withdrawReason ?? ''}）` : '';
      return `${w.code} ${formatDateShortCn(w.date)}｜${who}｜${w.reason}｜告诫人 ${d.personName(w.issuerId)}${withdrawn}`;
    });
    if (lines.length === 0) lines.push('本年度无效能告诫记录。');
    const yw = await yearWarnings(ctx.repos, args.year);
    const consequences = consequenceLines(yw, d, args.unitId ? [args.unitId] : undefined);
    return {
      reply: {
        tone: 'info',
        title: `效能告诫台账（${args.unitId ? `${d.unitName(args.unitId)}，` : ''}${args.year}年）`,
        lines: [...lines, ...consequences],
        note: '个人当年被效能告诫的，当年考核不得评为称职以上等次；一年内被告诫两次以上的，当年考核定为不称职；被效能告诫的单位，给予通报批评、取消领导班子当年评优评先资格（L四(五)）。已撤销的不计。',
      },
    };
  },
});
