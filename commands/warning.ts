import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { addressPerson } from '../src/domain/leader-address.js';
import { isOpen } from '../src/domain/task.js';
import { loadTask } from '../src/core/task-access.js';
import { normalizeWarningCode, personConsequence, UNIT_CONSEQUENCE } from '../src/domain/assessment.js';
import { issueWarning, withdrawWarning } from '../src/domain/actions/warn.js';
import { RECTIFY_DEFAULT_DAYS } from '../src/domain/actions/rectification-list.js';
import { normalizeTaskCode, TASK_CODE_PATTERN } from '../src/domain/task.js';
import { takeDueField } from '../src/parsing/due-field.js';
import { resolveReference } from '../src/parsing/resolve-reference.js';
import { yearWarnings } from '../src/reports/warning-summary.js';
import { formatDateCn, splitDate } from '../src/time/shanghai.js';
import { ARGUMENT_TEXTS } from '../src/texts/arguments.js';

/** L五(三): the 效能告诫 is given by the office, and by the 秘书长 and 主要领导. */
export const WARNING_ROLES = ['督查室', '秘书长', '主要领导'] as const;

export const warn = defineCommand({
  name: '效能告诫',
  aliases: ['warn', '告诫'],
  category: '例外',
  summary: '对个人或单位给予效能告诫，记入告诫台账，并向单位交办限期整改（个人当年被告诫 1 次不得评为称职以上，2 次以上定为不称职；单位被告诫的通报批评、取消当年评优评先资格）',
  usage: ['效能告诫 @某人 事由 [事项编号] [截止:整改时限]', '效能告诫 单位 事由 [事项编号] [截止:整改时限]'],
  examples: ['效能告诫 @王芳 D-0001 逾期未办又不说明原因，经三次催办仍未落实', '效能告诫 海州市 推诿扯皮，群众反映强烈 截止:12月31日'],
  allowed: WARNING_ROLES,
  parse(input, ctx) {
    const [first = '', ...restWords] = input.text.split(/\s+/).filter(Boolean);
    if (!first) return { reason: '' };
    const ref = resolveReference(first, input.mentions, ctx.directory);
    if (!ref || ref.kind === 'unknown') throw new UserError('unknown_person', `通讯录中没有「${first.replace(/^[@＠]/, '')}」这个人员或单位。请写 @某人 或单位简称（如 海州市）。`);
    let rest = restWords.join(' ');
    const codes = [...rest.matchAll(TASK_CODE_PATTERN)].map((m) => m[0]);
    const taskCode = codes[0] ? normalizeTaskCode(codes[0]) : undefined;
    if (codes[0]) rest = rest.replace(codes[0], '').trim();
    const { due, rest: reason } = takeDueField(rest, ctx.today, ctx.calendar);
    const personId = ref.kind === 'person' ? ref.personId : undefined;
    const unitId = ref.kind === 'unit' ? ref.unitId : ctx.directory.person(ref.personId)?.unitId;
    if (!unitId) throw new UserError('unknown_person', `${ctx.directory.personName(personId ?? '')} 不属于任何单位，效能告诫须写明所在单位的人员或单位。`, false);
    return { personId, unitId, taskCode, reason: reason.replace(/^[，,：:]+/, '').trim(), due: due ?? ctx.calendar.addWorkingDays(ctx.today, RECTIFY_DEFAULT_DAYS) };
  },
  schema: z.object({
    personId: z.string().optional(),
    unitId: z.string({ message: '请写明告诫对象：@某人 或单位' }),
    taskCode: z.string().optional(),
    reason: z.string().min(4, '须写明告诫事由').max(500, '事由不超过 500 字'),
    due: z.string(),
  }),
  async run(ctx, args) {
    const task = args.taskCode ? await loadTask(ctx, args.taskCode) : undefined;
    if (args.due <= ctx.today) throw new UserError('bad_deadline', '限期整改的截止日期须晚于今天。');
    const { warning, task: rectify } = await issueWarning(ctx, {
      personId: args.personId,
      unitId: args.unitId,
      reason: args.reason,
      issuerId: ctx.actor.id,
      taskId: task?.id,
      due: args.due,
      origin: ctx.message,
    });
    const [year] = splitDate(ctx.today);
    const yw = await yearWarnings(ctx.repos, year);
    const count = args.personId ? (yw.byPerson.get(args.personId)?.length ?? 0) : (yw.byUnit.get(args.unitId)?.length ?? 0);
    const who = args.personId ? `${ctx.directory.personName(args.personId)}（${ctx.directory.unitName(args.unitId)}）` : `${ctx.directory.unitName(args.unitId)}（单位）`;
    const consequence = args.personId ? personConsequence(count) : UNIT_CONSEQUENCE;
    return {
      reply: {
        tone: 'warning',
        title: `效能告诫 ${warning.code} 已记入告诫台账`,
        fields: [
          { label: '对象', value: who },
          { label: '事由', value: args.reason },
          ...(task ? [{ label: '关联事项', value: `${task.code} ${task.title}` }] : []),
          { label: '告诫人', value: ctx.directory.label(ctx.actor.id) },
          { label: `${year}年`, value: `第 ${count} 次：${consequence}` },
        ],
        lines: [
          rectify
            ? `限期整改：已交办 ${rectify.code}（${addressPerson(ctx.directory, rectify.units[0]?.responsibleId ?? '')}，${formatDateCn(args.due, ctx.today)}前），督查室跟踪落实。`
            : `限期整改：${ctx.directory.unitName(args.unitId)} 未登记主要负责人或经办人，请督查室另行交办。`,
          ...(args.personId && args.personId !== rectify?.units[0]?.responsibleId ? [`被告诫人：${addressPerson(ctx.directory, args.personId)}`] : []),
        ],
        note: `如告诫有误，可发「撤销告诫 ${warning.code} 理由」。`,
        ...(rectify ? { ref: { kind: 'task' as const, code: rectify.code } } : {}),
      },
    };
  },
});

export const withdrawWarningCommand = defineCommand({
  name: '撤销告诫',
  aliases: ['withdraw-warning', '撤回告诫'],
  category: '例外',
  summary: '撤销效能告诫（须写明理由）：台账保留原记录并注明撤销，当年不再计入',
  usage: ['撤销告诫 告诫编号 理由'],
  examples: ['撤销告诫 G-0001 经核实逾期系上级文件延迟下达所致'],
  allowed: WARNING_ROLES,
  parse(input) {
    const [first = '', ...rest] = input.text.split(/\s+/).filter(Boolean);
    const code = normalizeWarningCode(first);
    if (first && !code) throw new UserError('bad_arguments', `「${first}」不是告诫编号，告诫编号形如 G-0001。`);
    return { code, reason: rest.join(' ') };
  },
  schema: z.object({ code: z.string({ message: '请写明告诫编号，如 G-0001' }), reason: z.string().min(4, '须写明撤销理由').max(500, ARGUMENT_TEXTS.reasonMax500) }),
  async run(ctx, args) {
    const w = await ctx.repos.warnings.findByCode(args.code);
    if (!w) throw new UserError('unknown_task', `告诫台账中没有 ${args.code}。可发「告诫台账」查看。`, false);
    if (w.withdrawnAt) throw new UserError('invalid_state', `${w.code} 已于 ${w.withdrawnAt.slice(0, 10)} 撤销。`, false);
    await withdrawWarning(ctx, w, ctx.actor.id, args.reason);
    // The 限期整改 task stays as it is: whether it is still needed is the assigner's decision, not the bot's.
    const rectify = w.rectifyTaskId !== undefined ? await ctx.repos.tasks.findById(w.rectifyTaskId) : undefined;
    const rectifyNote = rectify && isOpen(rectify) ? `随告诫交办的限期整改事项 ${rectify.code} 仍在办，未随告诫撤销。` : '';
    const [year] = splitDate(w.date);
    const yw = await yearWarnings(ctx.repos, year);
    const count = w.personId ? (yw.byPerson.get(w.personId)?.length ?? 0) : (yw.byUnit.get(w.unitId)?.length ?? 0);
    const who = w.personId ? ctx.directory.personName(w.personId) : ctx.directory.unitName(w.unitId);
    const now = w.personId ? personConsequence(count) : count > 0 ? UNIT_CONSEQUENCE : undefined;
    return {
      reply: {
        tone: 'success',
        title: `效能告诫 ${w.code} 已撤销`,
        fields: [
          { label: '对象', value: who },
          { label: '原事由', value: w.reason },
          { label: '撤销理由', value: args.reason },
          { label: '撤销人', value: ctx.directory.label(ctx.actor.id) },
        ],
        lines: [`${who} ${year}年有效告诫 ${count} 次${now ? `：${now}` : '，不再影响当年考核'}。`],
        note: `台账保留原记录并注明撤销。${rectifyNote}`,
      },
    };
  },
});
