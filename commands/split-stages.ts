import { splitIntoStages } from '../src/domain/actions/split-stages.js';
import { commandButton } from '../src/core/command-button.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { isOffice } from '../src/domain/roles.js';
import { z } from 'zod';
import { defineCommand, type CommandInput, type ParseContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { mention } from '../src/core/reply.js';
import { loadTask, requireOpen } from '../src/core/task-access.js';
import { unitsActorMayActFor } from '../src/domain/task-authority.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { resolveReference } from '../src/parsing/resolve-reference.js';
import { joinParts, splitParts } from '../src/parsing/split-parts.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { formatDateCn } from '../src/time/shanghai.js';
import { REFUSALS } from '../src/texts/refusals.js';

const stage = z.object({
  title: z.string().min(2, '每个阶段须写明阶段目标').max(200, '阶段目标不超过 200 字'),
  deadline: z.string(),
  owner: z.object({ kind: z.enum(['unit', 'person']), id: z.string() }).optional(),
});

/** `调研摸底 12月20日 @王芳；形成方案 1月15日` → stages. */
function parseStages(text: string, input: CommandInput, ctx: ParseContext): Array<z.infer<typeof stage>> {
  const chunks = text
    .split(/[；;\n]+|(?=第[一二三四五六七八九十\d]+阶段)/)
    .map((c) => c.trim())
    .filter(Boolean);
  return chunks.map((chunk) => {
    const parts = splitParts(chunk.replace(/^第[一二三四五六七八九十\d]+阶段[:：]?\s*/, ''));
    let deadline: string | undefined;
    let owner: z.infer<typeof stage>['owner'];
    const titleParts = parts.filter((p) => {
      const d = parseDeadline(p.text, ctx.today, ctx.calendar);
      if (d.kind === 'invalid') throw new UserError('bad_deadline', `「${chunk}」：${d.reason}。`);
      if (d.kind === 'ok') {
        deadline = d.deadline.date;
        return false;
      }
      const ref = resolveReference(p.text, input.mentions, ctx.directory);
      if (ref?.kind === 'person') owner = { kind: 'person', id: ref.personId };
      else if (ref?.kind === 'unit') owner = { kind: 'unit', id: ref.unitId };
      else if (ref?.kind === 'unknown') throw new UserError('unknown_person', REFUSALS.unknownPerson(ref.name));
      return ref === undefined;
    });
    if (!deadline) throw new UserError('bad_deadline', `阶段「${chunk}」没有写时限。`);
    return { title: joinParts(titleParts), deadline, owner };
  });
}

export const splitStages = defineCommand({
  name: '分解',
  aliases: ['split', '分阶段'],
  category: '例外',
  summary: '把长期任务拆解为阶段性目标，各阶段有自己的时限和责任人，全部办结后事项自动办结',
  usage: ['分解 事项编号 阶段目标 时限 [@责任人]；阶段目标 时限 …'],
  examples: ['分解 D-0001 完成调研摸底 12月20日 @王芳；形成方案初稿 2027-01-15；报省政府审定 2027-02-28'],
  allowed: 'anyone',
  parse(input, ctx) {
    const { code, rest } = parseCodeAndText(input.text);
    if (!code) return { code, stages: [] };
    return { code, stages: parseStages(rest, input, ctx) };
  },
  schema: z.object({ code: taskCodeArg, stages: z.array(stage).min(2, '至少分解为两个阶段，阶段之间用「；」分隔').max(12, '最多 12 个阶段') }),
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '分解');
    if (task.parentId !== undefined) throw new UserError('invalid_state', `${task.code} 本身是一个阶段，不能再分解。`, false);
    const office = isOffice(ctx.actor) || ctx.actor.id === task.assignerId;
    const leadActor = unitsActorMayActFor(ctx.actor, task, ctx.directory, ctx.authority).some((u) => u.role === 'lead');
    if (!office && !leadActor) throw new UserError('no_permission', `${task.code} 由交办人、督查室或牵头单位分解。`, false);
    if ((await ctx.repos.tasks.stages(task.id)).length > 0) throw new UserError('invalid_state', `${task.code} 已分解过，可查询 ${task.code} 查看各阶段。`, false);
    const late = args.stages.find((s) => s.deadline > task.deadline);
    if (late) throw new UserError('bad_deadline', `阶段「${late.title}」的时限晚于事项时限 ${formatDateCn(task.deadline, ctx.today)}；如需顺延，请先申请延期。`, false);
    // A stage stays within the task's own units; only the assigner or 督查室 may bring in another (分解 is not 交办).
    if (!office) {
      for (const s of args.stages) {
        const unitId = s.owner?.kind === 'person' ? ctx.directory.person(s.owner.id)?.unitId : s.owner?.id;
        if (unitId !== undefined && !task.units.some((u) => u.unitId === unitId)) {
          const who = s.owner?.kind === 'person' ? `${ctx.directory.personName(s.owner.id)}（${ctx.directory.unitName(unitId)}）` : ctx.directory.unitName(unitId);
          throw new UserError('no_permission', `阶段「${s.title}」的责任方 ${who} 不是 ${task.code} 的承办单位。阶段只能由牵头单位、配合单位承担；增加其他单位须由交办人或督查室分解。`, false);
        }
      }
    }
    const lead = task.units.find((u) => u.role === 'lead');
    const inputs = [];
    for (const s of args.stages) {
      let unitId = lead?.unitId ?? task.leadUnitId;
      let responsibleId = lead?.responsibleId ?? '';
      if (s.owner?.kind === 'person') {
        const p = ctx.directory.person(s.owner.id);
        if (!p?.unitId) throw new UserError('unknown_person', `${ctx.directory.personName(s.owner.id)} 不属于承办单位。`, false);
        unitId = p.unitId;
        responsibleId = p.id;
      } else if (s.owner?.kind === 'unit') {
        unitId = s.owner.id;
        responsibleId = task.units.find((u) => u.unitId === unitId)?.responsibleId ?? ctx.directory.defaultResponsible(unitId)?.id ?? '';
      }
      inputs.push({ title: s.title, deadline: s.deadline, unitId, responsibleId });
    }
    const created = await splitIntoStages(ctx, task, inputs, { by: ctx.actor.id, origin: ctx.message });
    const lines = created.map(
      ({ stage, input }) => `${stage.code} ${input.title}｜${formatDateCn(input.deadline, ctx.today)}｜${ctx.directory.unitName(input.unitId)} ${mention(input.responsibleId)}`,
    );
    const toSign = created.filter((x) => x.toSign).map((x) => x.stage.code);
    return {
      reply: {
        tone: 'success',
        title: `${task.code} 已分解为 ${args.stages.length} 个阶段`,
        lines: [...lines, `分解人：${ctx.directory.personName(ctx.actor.id)}`],
        note: `各阶段分别报送进展、办结；全部办结后 ${task.code} 自动办结。`,
        actions: toSign.length > 0 ? [commandButton('acknowledge', toSign.join(' '), { style: 'primary' })] : undefined,
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
