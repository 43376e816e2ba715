import { commandButton } from '../src/core/command-button.js';
import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { acknowledgeUnits, loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { normalizeTaskCode, OPEN_STATUSES, TASK_CODE_PATTERN, type Task, type TaskUnit } from '../src/domain/task.js';
import { formatShortDateTime, shortFromIso } from '../src/time/shanghai.js';
import { ARGUMENT_TEXTS } from '../src/texts/arguments.js';

const schema = z.object({ codes: z.array(z.string()).max(20, '一次最多签收 20 件') });

export const acknowledge = defineCommand({
  name: COMMAND_WORDS.acknowledge,
  aliases: ['ack', 'acknowledge', '收到', '接收'],
  category: '办理',
  summary: '签收交办的事项（当天收文、当天签收）',
  usage: ['签收 编号 [编号…]', '签收（只有一件待签收时可省略编号）'],
  examples: ['签收 D-0001', '签收 D-0001 D-0002'],
  allowed: 'anyone',
  parse(input) {
    const codes = [...input.text.matchAll(TASK_CODE_PATTERN)].map((m) => normalizeTaskCode(m[0]));
    const rest = input.text.replace(TASK_CODE_PATTERN, '').replace(/[\s,，、;；。]/g, '');
    if (rest.length > 0 && codes.length === 0) {
      // 收到，我来协调: a plain 收到 with words after it signs nothing, and says so.
      if (input.word === '收到' || input.word === '接收') {
        throw new UserError('bad_arguments', `本条未签收任何事项：「${input.word}」后面的「${input.text}」不是事项编号。签收请写「签收 编号」；只有一件待签收时，单发「收到」即可。`, false);
      }
      throw new UserError('bad_arguments', `「${input.text}」不是事项编号。`);
    }
    return { codes: codes.filter((c): c is string => c !== undefined) };
  },
  schema,
  async run(ctx, args) {
    let codes = args.codes;
    if (codes.length === 0) {
      const mine = await ctx.repos.tasks.list({ statuses: OPEN_STATUSES, unacknowledged: true, responsibleId: ctx.actor.id, limit: 5 });
      const pending = mine.filter((t) => t.units.some((u) => u.responsibleId === ctx.actor.id && !u.ackedAt));
      if (pending.length !== 1) {
        const list = pending.map((t) => t.code).join('、');
        throw new UserError('bad_arguments', pending.length === 0 ? '您没有待签收的事项；签收别人的事项请写明编号。' : `您有多件待签收事项（${list}），请写明编号。`);
      }
      codes = [pending[0]?.code ?? ''];
    }
    const lines: string[] = [];
    const refused: UserError[] = [];
    let signed = 0;
    for (const code of codes) {
      // Several codes: one that cannot be signed is named and the others are signed; its
      // checks come before any change, so a refusal leaves nothing half done.
      let task: Task;
      let units: TaskUnit[];
      try {
        task = await loadTask(ctx, code);
        requireOpen(task, '签收');
        units = requireActingUnits(ctx, task, '签收');
      } catch (e) {
        if (codes.length === 1 || !(e instanceof UserError)) throw e;
        refused.push(e);
        lines.push(`${code} 未签收：${e.message}`);
        continue;
      }
      const fresh = await acknowledgeUnits(ctx, task, units, false);
      for (const u of units) {
        const name = ctx.directory.unitName(u.unitId);
        if (fresh.includes(u)) {
          signed += 1;
          lines.push(`${task.code} 已签收（${name} ${ctx.actor.name} ${formatShortDateTime(ctx.now)}）`);
        } else {
          lines.push(`${task.code} ${name} 已于 ${shortFromIso(u.ackedAt ?? '')} 由 ${ctx.directory.personName(u.ackedBy ?? '')} 签收，无需重复签收`);
        }
      }
    }
    if (refused.length === codes.length) {
      throw new UserError(refused[0]?.code ?? 'invalid_state', `本条消息中的事项均未签收：\n${lines.join('\n')}`, false);
    }
    const single = codes.length === 1 ? codes[0] : undefined;
    return {
      reply: {
        tone: signed > 0 && refused.length === 0 ? 'success' : signed > 0 ? 'warning' : 'info',
        // One task: the line is the title; several: a count, then one line each.
        title: refused.length > 0 ? `已签收 ${signed} 项，${refused.length} 项未签收` : signed > 0 ? (lines.length === 1 ? (lines[0] ?? '') : `已签收 ${signed} 项`) : '无需重复签收',
        lines: signed > 0 && lines.length === 1 ? undefined : lines,
        actions: single
          ? [
              commandButton('progress', single, { label: '报送进展', input: { placeholder: ARGUMENT_TEXTS.progressPlaceholder, required: true } }),
              commandButton('complete', single, { input: { placeholder: '办理结果', required: true } }),
            ]
          : undefined,
        ref: single ? { kind: 'task', code: single } : undefined,
      },
    };
  },
});
