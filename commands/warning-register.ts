import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { takeYear } from '../src/parsing/due-field.js';
import { WARNING_REGISTER_ROLES, warningRegisterReply } from '../src/reports/warning-register.js';
import { splitDate } from '../src/time/shanghai.js';

export const warningRegister = defineCommand({
  name: '告诫台账',
  aliases: ['查询 告诫台账', '查询告诫台账', 'warnings', '效能告诫台账'],
  category: '查询',
  summary: '查询效能告诫台账：各次告诫（含已撤销）及当年考核后果（默认今年）',
  usage: ['告诫台账 [单位] [2026年]'],
  examples: ['告诫台账', '告诫台账 发改委 2026年'],
  allowed: WARNING_REGISTER_ROLES,
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
    return { reply: await warningRegisterReply(ctx.repos, ctx.directory, args.year, args.unitId) };
  },
});
