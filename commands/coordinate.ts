import { openCoordination } from '../src/domain/actions/coordination.js';
import { commandButton } from '../src/core/command-button.js';
import { taskCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { loadTask, requireActingUnits, requireOpen } from '../src/core/task-access.js';
import { involvedUnits, routeCoordination } from '../src/domain/coordination-rules.js';
import { singleUnitRefusal } from '../src/domain/coordination-scope.js';
import { coordinationFields } from '../src/render/coordination-view.js';
import { parseCodeAndText } from '../src/parsing/code-and-text.js';
import { formatDateCn } from '../src/time/shanghai.js';
import { addressPerson } from '../src/domain/leader-address.js';

const schema = z.object({
  code: taskCodeArg,
  reason: z.string().min(4, '请写明需要协调的问题（与哪个单位、什么分歧）').max(1000, '事由不超过 1000 字'),
});

export const coordinate = defineCommand({
  name: '协调',
  aliases: ['coordinate', '提请协调', '申请协调'],
  category: '例外',
  summary: '承办单位就涉及两个以上单位的分歧提请副秘书长协调（H8：首问负责、缺位递补）',
  usage: ['协调 事项编号 需要协调的问题'],
  examples: ['协调 D-0001 与省财政厅对资金来源意见不一致，需协调明确省级承担比例'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCodeAndText(input.text);
    return { code, reason: rest };
  },
  schema,
  async run(ctx, args) {
    const task = await loadTask(ctx, args.code);
    requireOpen(task, '提请协调');
    const [unit] = requireActingUnits(ctx, task, '提请协调');
    if (!unit) throw new Error('no unit');
    const units = involvedUnits(args.reason, unit.unitId, task, ctx.directory);
    if (units.length < 2) throw singleUnitRefusal(ctx, task, unit.unitId);
    const route = await routeCoordination(ctx.repos, ctx.directory, units, task.leadUnitId, ctx.today);
    const item = await openCoordination(ctx, task, {
      requesterId: ctx.actor.id,
      requesterUnit: unit.unitId,
      reason: args.reason,
      ownerId: route.ownerId,
      ownerNote: route.note,
      alsoInvolved: route.alsoInvolved,
      units,
      origin: { platform: ctx.message.platform, chatId: ctx.message.chatId },
    });
    const due = ctx.calendar.addWorkingDays(ctx.today, ctx.settings.coordinationAnswerDays);
    const v = { directory: ctx.directory, calendar: ctx.calendar, today: ctx.today };
    const lines = [`请 ${addressPerson(ctx.directory, route.ownerId)} 于 ${formatDateCn(due, ctx.today)}前出具协调意见（${ctx.settings.coordinationAnswerDays} 个工作日内；逾期提请分管领导协调）。`];
    if (route.alsoInvolved.length > 0) {
      lines.push(`会同：${route.alsoInvolved.map((id) => addressPerson(ctx.directory, id)).join('、')}（按首问负责，由 ${ctx.directory.personName(route.ownerId)} 牵头协调）。`);
    }
    return {
      reply: {
        tone: 'info',
        title: `已提请协调 ${item.code}`,
        fields: coordinationFields(item, task, v, true),
        lines,
        actions: [commandButton('coordinationOpinion', item.code, { label: '出具协调意见', forPersonIds: [route.ownerId], input: { placeholder: '意见内容', required: true } })],
      },
    };
  },
});
