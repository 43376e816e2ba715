import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { commandButton } from '../src/core/command-button.js';
import { ASSIGNER_ROLES } from '../src/domain/roles.js';
import { openRectificationList, RECTIFY_DEFAULT_DAYS, rectifyResponsible } from '../src/domain/actions/rectification-list.js';
import { takeDueField } from '../src/parsing/due-field.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { formatDateCn } from '../src/time/shanghai.js';

const item = z.object({ text: z.string().min(2, '每项问题须写明内容').max(200, '每项问题不超过 200 字'), deadline: z.string().optional() });

export const rectificationList = defineCommand({
  name: '整改',
  aliases: ['整改清单', 'rectify', '开具整改清单'],
  category: '例外',
  summary: '向单位开具整改清单（整改台账）：逐项签收、报送、办结，全部办结后清单办结并列入复核',
  usage: ['整改 单位 事由；问题1；问题2… [截止:日期]', '每项问题可另写时限：整改 单位 事由；问题1 12月20日；问题2'],
  examples: ['整改 海州市 专项督查发现的问题；老旧小区改造进度滞后 12月20日；资金拨付不及时；台账资料不全 截止:12月31日'],
  allowed: ASSIGNER_ROLES,
  parse(input, ctx) {
    const { due, rest } = takeDueField(input.text, ctx.today, ctx.calendar);
    const [head = '', ...chunks] = rest
      .split(/[；;\n]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    const [unitWord = '', ...reasonWords] = head.split(/\s+/);
    if (!unitWord) return { items: [] };
    const unit = ctx.directory.findUnit(unitWord.replace(/^[@＠]/, ''));
    if (!unit)
      throw new UserError(
        'unknown_unit',
        `通讯录中没有「${unitWord}」这个单位。可用单位：${ctx.directory
          .allUnits()
          .map((u) => u.aliases[0] ?? u.name)
          .join('、')}。`,
      );
    const items = chunks.map((c) => {
      const words = c.split(/\s+/);
      const last = words.at(-1) ?? '';
      const d = words.length > 1 ? parseDeadline(last, ctx.today, ctx.calendar) : undefined;
      if (d?.kind === 'invalid') throw new UserError('bad_deadline', `「${c}」：${d.reason}。`);
      return d?.kind === 'ok' ? { text: words.slice(0, -1).join(' '), deadline: d.deadline.date } : { text: c };
    });
    return { unitId: unit.id, reason: reasonWords.join(' '), items, due: due ?? ctx.calendar.addWorkingDays(ctx.today, RECTIFY_DEFAULT_DAYS), defaulted: !due };
  },
  schema: z.object({
    unitId: z.string({ message: '请写明整改单位' }),
    reason: z.string().min(2, '须写明整改事由（如 专项督查发现的问题）').max(200, '事由不超过 200 字'),
    items: z.array(item).min(1, '至少列出一项问题，问题之间用「；」分隔').max(30, '一份清单最多 30 项'),
    due: z.string(),
    defaulted: z.boolean(),
  }),
  async run(ctx, args) {
    if (args.due <= ctx.today) throw new UserError('bad_deadline', '整改清单的截止日期须晚于今天。');
    const late = args.items.find((i) => i.deadline && i.deadline > args.due);
    if (late) throw new UserError('bad_deadline', `「${late.text}」的时限晚于清单截止日期 ${formatDateCn(args.due, ctx.today)}。`);
    if (!rectifyResponsible(ctx.directory, args.unitId)) throw new UserError('unknown_person', `${ctx.directory.unitName(args.unitId)} 未登记主要负责人或经办人。`, false);
    const { list, items } = await openRectificationList(ctx, {
      unitId: args.unitId,
      reason: args.reason,
      items: args.items,
      deadline: args.due,
      assignerId: ctx.actor.id,
      origin: ctx.message,
      kind: 'manual',
    });
    const owner = list.units[0]?.responsibleId ?? '';
    return {
      reply: {
        tone: 'success',
        title: `已开具整改清单 ${list.code}（${ctx.directory.unitName(args.unitId)}，${items.length} 项）`,
        fields: [
          { label: '事由', value: args.reason },
          { label: '截止', value: `${formatDateCn(args.due, ctx.today)}${args.defaulted ? `（未写截止日期，按 ${RECTIFY_DEFAULT_DAYS} 个工作日）` : ''}` },
          { label: '责任人', value: `${ctx.directory.unitName(args.unitId)} ${mention(owner)}` },
        ],
        lines: items.map((t) => `${t.code} ${t.title}｜${formatDateCn(t.deadline, ctx.today)}`),
        note: `请逐项签收、报送进展、办结（「办结 ${items[0]?.code ?? ''} 整改结果」）；各项全部办结后 ${list.code} 随之办结，并列入复核。`,
        actions: [commandButton('acknowledge', [list.code, ...items.map((t) => t.code)].join(' '), { style: 'primary', forPersonIds: [owner] })],
        ref: { kind: 'task', code: list.code },
      },
    };
  },
});
