import { assignTask } from '../src/domain/actions/assign.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { commandButton } from '../src/core/command-button.js';
import { loadTask } from '../src/core/task-access.js';
import { RECTIFY_DEFAULT_DAYS } from '../src/domain/actions/rectification-list.js';
import { DONE_STATUSES } from '../src/domain/task.js';
import { takeDueField } from '../src/parsing/due-field.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { findPeriod } from '../src/calendar/periods.js';
import { formatDateCn, formatDateShortCn, makeDate, splitDate } from '../src/time/shanghai.js';

const periodSchema = z.object({ from: z.string(), to: z.string(), label: z.string() });
const LIMIT = 50;

/** B四(五): 针对已报告反馈情况的重点事项，适时组织开展「回头看」「再督查」. */
export const lookBackList = defineCommand({
  name: '回头看清单',
  aliases: ['回头看 清单', 'look-back-list'],
  category: '查询',
  summary: '列出已办结、尚未「回头看」的重点事项（默认今年）',
  usage: ['回头看 清单 [单位] [时段]'],
  examples: ['回头看 清单', '回头看 清单 住建厅 本季度'],
  allowed: ['督查室', '秘书长', '主要领导', '分管领导'],
  parse(input, ctx) {
    let rest = input.text.trim();
    let unitId: string | undefined;
    for (const w of rest.split(/\s+/).filter(Boolean)) {
      const unit = ctx.directory.findUnit(w);
      if (unit) {
        unitId = unit.id;
        rest = rest.replace(w, '').trim();
      }
    }
    const [y] = splitDate(ctx.today);
    const period = rest ? findPeriod(rest, ctx.today) : { from: makeDate(y, 1, 1), to: makeDate(y, 12, 31), label: `${y}年` };
    if (!period) throw new UserError('bad_arguments', `看不懂「${rest}」：可写单位简称和时段，如「住建厅 本季度」「今年」。`);
    return { unitId, period };
  },
  schema: z.object({ unitId: z.string().optional(), period: periodSchema }),
  async run(ctx, args) {
    const done = await ctx.repos.tasks.list({
      statuses: DONE_STATUSES,
      isKey: true,
      topLevelOnly: true,
      completedFrom: args.period.from,
      completedTo: args.period.to,
      ...(args.unitId ? { unitId: args.unitId, unitRole: 'lead' as const } : {}),
      order: 'code',
      limit: 500,
    });
    const open = [];
    for (const t of done) if (!(await ctx.repos.marks.get(t.id)).lookedBackAt) open.push(t);
    const d = ctx.directory;
    const lines = open
      .slice(0, LIMIT)
      .map(
        (t) =>
          `${t.code} ${t.title}｜${d.unit(t.leadUnitId)?.aliases[0] ?? d.unitName(t.leadUnitId)}｜${formatDateShortCn(t.completedDate ?? '')}办结｜${t.status === 'verified' ? '已复核' : '未复核'}`,
      );
    if (open.length > LIMIT) lines.push(`另有 ${open.length - LIMIT} 件未列出，请缩小时段或指定单位。`);
    if (open.length === 0) lines.push('没有尚未回头看的已办结重点事项。');
    return {
      reply: {
        tone: 'info',
        title: `回头看清单（${args.unitId ? `${d.unitName(args.unitId)}，` : ''}${args.period.label}，${open.length} 件）`,
        lines,
        note: '回头看：「回头看 编号 属实/不实 情况」；发现问题需继续督办的：「再督查 编号 要求」。',
      },
    };
  },
});

export const followUp = defineCommand({
  name: '再督查',
  aliases: ['follow-up'],
  category: '例外',
  summary: '对已办结的事项再督查：以原承办单位交办一件关联的新事项，原事项记录保留',
  usage: ['再督查 事项编号 要求 [截止:日期]'],
  examples: ['再督查 D-0001 对已改造小区的加装电梯情况开展再督查，报送进展 截止:2027-01-29'],
  allowed: ['督查室', '秘书长', '主要领导', '分管领导'],
  parse(input, ctx) {
    const { code, rest } = parseCodeAndText(input.text);
    const { due, rest: demand } = takeDueField(rest, ctx.today, ctx.calendar);
    return { code, demand, due: due ?? ctx.calendar.addWorkingDays(ctx.today, RECTIFY_DEFAULT_DAYS) };
  },
  schema: z.object({ code: taskCodeArg, demand: z.string().min(4, '须写明再督查的要求').max(200, '要求不超过 200 字'), due: z.string() }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    if (!DONE_STATUSES.includes(task.status)) throw new UserError('invalid_state', `${task.code} 尚未办结，仍在督办中，无需再督查。`, false);
    if (args.due <= ctx.today) throw new UserError('bad_deadline', '再督查的截止日期须晚于今天。');
    const { task: created } = await assignTask(
      ctx,
      {
        title: `再督查${task.code}：${args.demand}`,
        source: task.source,
        isKey: task.isKey,
        assignerId: ctx.actor.id,
        deadline: args.due,
        units: task.units.map((u) => ({ unitId: u.unitId, role: u.role, responsibleId: u.responsibleId })),
        origin: ctx.message,
        note: { followUpOf: task.code },
        marks: { followUpOf: task.id },
      },
      { workEnd: ctx.settings.workEnd },
    );
    await ctx.audit('follow_up', { of: task.code, demand: args.demand, task: created.code }, { taskId: task.id });
    const people = [...new Set(created.units.map((u) => u.responsibleId))];
    return {
      reply: {
        tone: 'success',
        title: `已交办再督查 ${created.code}（关联 ${task.code}）`,
        fields: [
          { label: '原事项', value: `${task.code} ${task.title}` },
          { label: '要求', value: args.demand },
          { label: '承办', value: created.units.map((u) => `${ctx.directory.unitName(u.unitId)}（${mention(u.responsibleId)}）`).join('；') },
          { label: '时限', value: formatDateCn(args.due, ctx.today) },
        ],
        lines: ['请承办人今日内签收，按要求报送落实情况。'],
        actions: [commandButton('acknowledge', created.code, { style: 'primary', forPersonIds: people })],
        ref: { kind: 'task', code: created.code },
      },
    };
  },
});
