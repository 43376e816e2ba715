import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { acknowledgeUnits, loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { reportProgress } from '../src/domain/actions/report-progress.js';
import { deadlineText } from '../src/render/task-view.js';
import { ARGUMENT_TEXTS } from '../src/texts/arguments.js';
import { parseChineseNumber } from '../src/time/chinese-number.js';

const schema = z
  .object({
    code: taskCodeArg,
    percent: z.number().int().min(0, ARGUMENT_TEXTS.percentRange).max(100, ARGUMENT_TEXTS.percentRange).optional(),
    text: z.string().max(1000, '进展内容不超过 1000 字').default(''),
  })
  .refine((a) => a.percent !== undefined || a.text.length > 0, { message: '请写明进展情况或完成百分比' });

export const progress = defineCommand({
  name: COMMAND_WORDS.progress,
  aliases: ['progress', '报送进展', '反馈进展', '进度'],
  category: '办理',
  summary: '报送办理进展，可带完成百分比',
  usage: ['进展 编号 [百分比] 进展情况'],
  examples: ['进展 D-0001 60% 方案初稿已完成，正在征求财政厅意见', '进展 D-0002 已召开专题会研究'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    // 百分之六十 and 六十% are 60%.
    const cn = /(?:^|\s|完成|进度)(?:百分之([零〇一二两三四五六七八九十百]+)|([零〇一二两三四五六七八九十百]+)\s*[%％])/.exec(rest);
    const cnValue = cn ? parseChineseNumber(cn[1] ?? cn[2] ?? '') : undefined;
    const pm = cn && cnValue !== undefined ? cn : (/(?:^|\s|完成|进度)(\d{1,3}(?:\.\d+)?)\s*[%％]/.exec(rest) ?? /^(\d{1,3})\s*[%％]?(?=\s|$)/.exec(rest));
    const percent = pm === cn ? cnValue : pm ? Math.round(Number(pm[1])) : undefined;
    const text = pm ? rest.replace(pm[0], ' ').trim() : rest;
    if (percent === undefined && /(?:^|\s)[-－−]\s*\d{1,3}(?:\.\d+)?\s*[%％]/.test(rest)) throw new UserError('bad_arguments', '完成百分比不能为负数，请写 0% 到 100%。');
    if (percent !== undefined && percent > 100) throw new UserError('bad_arguments', `完成百分比 ${percent}% 超过 100%。`);
    return { code, percent, text: text.replace(/^[:：,，\s]+/, '') };
  },
  schema,
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    if (task.status === 'withdrawn') requireOpen(task, '报送进展');
    if (task.status === 'completed' || task.status === 'verified') {
      throw new UserError('invalid_state', `${task.code} 已办结，不能再报送进展；如需补充说明，请联系督查室。`, false);
    }
    const units = requireActingUnits(ctx, task, '报送进展');
    const acked = await acknowledgeUnits(ctx, task, units, true);
    const unit = units[0];
    if (!unit) throw new Error('no unit');
    await reportProgress(ctx, task, { unit, by: ctx.actor.id, percent: args.percent, text: args.text });
    const v = { directory: ctx.directory, calendar: ctx.calendar, today: ctx.today };
    const lines = [args.text].filter((l) => l.length > 0);
    // A lower figure than last time is recorded as reported; the reply says so, it does not judge it.
    if (args.percent !== undefined && task.progress !== undefined && args.percent < task.progress) lines.push(`（较上次报送的 ${task.progress}% 为低，已按本次报送记录）`);
    if (acked.length > 0) lines.push('（此前未签收，已视同签收）');
    if (args.percent === 100) lines.push(`如已办完，请发「办结 ${task.code} 办理结果」。`);
    return {
      reply: {
        tone: 'success',
        title: `已记录 ${task.code} 进展${args.percent !== undefined ? ` ${args.percent}%` : ''}`,
        fields: [
          { label: '单位', value: ctx.directory.unitName(unit.unitId) },
          { label: '时限', value: deadlineText(task, v) },
        ],
        lines,
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
