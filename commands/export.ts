import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { normalizeTaskCode } from '../src/domain/task.js';
import { TALLY_ROLES, type Role } from '../src/domain/roles.js';
import { previousWeek } from '../src/calendar/periods.js';
import { exportChartFiles, exportLedgerFile, exportNoticeFile, exportTaskSheet } from '../src/export/export-actions.js';
import { exportLadderNotice } from '../src/export/ladder-notice-export.js';
import { NOTICE_FORM_HELP, parseNoticeRef } from '../src/export/notice-number.js';
import { PERIOD_HELP, parseExportPeriod, parseLedgerWords, type LedgerArgs } from '../src/export/ledger-filter.js';

/** Who may issue numbered documents (通报, 督办单, 催办单): leaders and the office, not units. */
const DOCUMENT_ROLES: readonly Role[] = ['主要领导', '分管领导', '秘书长', '副秘书长', '督查室', '管理员'];

const periodSchema = z.object({ from: z.string(), to: z.string(), label: z.string() });
const schema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('台账'), ledger: z.custom<LedgerArgs>((v) => typeof v === 'object' && v !== null) }),
  z.object({ kind: z.literal('通报'), period: periodSchema }),
  z.object({ kind: z.literal('通报期'), ref: z.object({ series: z.string().optional(), year: z.number().int(), n: z.number().int().positive() }) }),
  z.object({ kind: z.literal('图表'), period: periodSchema }),
  z.object({ kind: z.enum(['督办单', '催办单']), code: z.string() }),
]);

export const exportFiles = defineCommand({
  name: '导出',
  aliases: ['export'],
  category: '查询',
  summary: '导出督办台账（Excel）、通报（周期统计或两通报的某一期）和督办单/催办单（Word，公文格式）、统计图表（图片）',
  usage: ['导出 台账 [单位] [时段] [状态]', '导出 通报 [时段]', '导出 通报 督查室通报〔2026〕第3期', '导出 通报 第3期', '导出 督办单 编号', '导出 催办单 编号', '导出 图表 [时段]'],
  examples: ['导出 台账', '导出 台账 发改委 本月 逾期', '导出 通报 2026年第48周', '导出 通报 督查室通报〔2026〕第3期', '导出 督办单 D-0001', '导出 图表 上周'],
  allowed: TALLY_ROLES,
  parse(input, ctx) {
    const [what = '', ...rest] = input.text.trim().split(/\s+/).filter(Boolean);
    if (what === '台账' || what === '督办台账') {
      const ledger = parseLedgerWords(rest, ctx.directory, ctx.today);
      // A unit head's ledger is the unit's own unless another unit is named (and then refused if not covered).
      if (!ledger.unitId && ctx.actor.unitId && ctx.actor.roles.every((r) => r === '单位主要负责人' || r === '经办人')) ledger.unitId = ctx.actor.unitId;
      return { kind: '台账', ledger };
    }
    if (what === '通报' || what === '图表') {
      const text = rest.join('');
      const ref = what === '通报' ? parseNoticeRef(text, Number(ctx.today.slice(0, 4))) : undefined;
      if (ref === 'malformed') throw new UserError('bad_arguments', `看不懂「${text}」是哪一期通报，可写：${NOTICE_FORM_HELP}。`);
      if (ref) return { kind: '通报期', ref };
      const period = text ? parseExportPeriod(text, ctx.today) : previousWeek(ctx.today);
      if (!period) throw new UserError('bad_arguments', `看不懂「${text}」指哪个时段，可写：${PERIOD_HELP}。`);
      return { kind: what, period };
    }
    if (what === '督办单' || what === '催办单') {
      const code = normalizeTaskCode(rest[0] ?? '');
      if (!code || rest.length > 1) throw new UserError('bad_arguments', `${what}须写一个事项编号，如「导出 ${what} D-0001」。`);
      return { kind: what, code };
    }
    throw new UserError('bad_arguments', what ? `不能导出「${what}」。可导出：台账、通报、督办单、催办单、图表。` : '请写明导出什么：台账、通报、督办单、催办单、图表。');
  },
  schema,
  async run(ctx, args) {
    if (args.kind !== '台账' && args.kind !== '图表' && !ctx.actor.roles.some((r) => DOCUMENT_ROLES.includes(r))) {
      throw new UserError('no_permission', `${args.kind === '通报期' ? '通报' : args.kind}由${DOCUMENT_ROLES.filter((r) => r !== '管理员').join('、')}导出；单位可导出本单位台账和图表。`, false);
    }
    const result =
      args.kind === '台账'
        ? await exportLedgerFile(ctx, args.ledger)
        : args.kind === '通报期'
          ? await exportLadderNotice(ctx, args.ref)
          : args.kind === '通报'
            ? await exportNoticeFile(ctx, args.period)
            : args.kind === '图表'
              ? await exportChartFiles(ctx, args.period)
              : await exportTaskSheet(ctx, args.code, args.kind);
    return { reply: result.reply, files: result.files };
  },
});
