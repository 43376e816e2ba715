import { giveOpinion } from '../src/domain/actions/coordination.js';
import { commandButton } from '../src/core/command-button.js';
import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { coordinationCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadCoordination } from '../src/core/coordination-access.js';
import { handlersAt, mayAnswer, partyActors } from '../src/domain/coordination-rules.js';
import { LEVEL_LABEL } from '../src/domain/coordination.js';
import { parseCoordinationCode } from '../src/parsing/code-and-text.js';
import { closedPositionRefusal } from '../src/domain/coordination-decision.js';
import { addressPerson, withoutLeaders } from '../src/domain/leader-address.js';

const schema = z.object({
  code: coordinationCodeArg,
  opinion: z.string().min(4, '请写明明确的协调意见').max(2000, '协调意见不超过 2000 字'),
});

export const coordinationOpinion = defineCommand({
  name: COMMAND_WORDS.coordinationOpinion,
  aliases: ['opinion', '出具协调意见'],
  category: '例外',
  summary: '协调人出具明确的协调意见；各方随后须明确表态',
  usage: ['协调意见 协调编号 意见内容'],
  examples: ['协调意见 C-0001 资金由省级承担60%、市级承担40%，省财政厅12月底前下达'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCoordinationCode(input.text);
    return { code, opinion: rest };
  },
  schema,
  async run(ctx, args) {
    const { item, task } = await loadCoordination(ctx, args.code);
    if (item.status === 'closed') throw closedPositionRefusal(item, ctx.directory);
    if (!(await mayAnswer(ctx.actor.id, item, ctx.repos, ctx.directory, ctx.today))) {
      const { ids, note } = await handlersAt(item.level, item, ctx.repos, ctx.directory, ctx.today);
      const who = ids.map((id) => ctx.directory.personName(id)).join('、');
      throw new UserError('no_permission', `${item.code} 现由${LEVEL_LABEL[item.level]}：${who}${note ? `（${note}）` : ''}出具意见（首问负责）；上级领导也可直接出具。`, false);
    }
    // Positions given before this opinion were on the matter, not on the opinion: they are asked again.
    const earlier = item.parties.filter((p) => p.stance !== undefined).map((p) => p.unitId);
    const { final } = await giveOpinion(ctx, item, task, { by: ctx.actor.id, opinion: args.opinion });
    const parties = item.parties.map((p) => ({ unitId: p.unitId, people: partyActors(p.unitId, task, ctx.directory, ctx.authority?.extraActors) }));
    return {
      reply: {
        tone: 'success',
        title: `${item.code} 协调意见${final ? `：已由${ctx.actor.title ?? ctx.actor.name}作出决定，请遵照执行` : ''}`,
        fields: [
          { label: '事项', value: `${task.code} ${task.title}` },
          { label: '协调意见', value: `${args.opinion}（${ctx.directory.personName(ctx.actor.id)}）` },
        ],
        mentions: final ? withoutLeaders(ctx.directory, [...new Set(parties.flatMap((p) => p.people))]) : undefined,
        lines: final
          ? [
              `已由${ctx.actor.title ?? ctx.actor.name}作出决定，请 ${parties.map((p) => `${ctx.directory.unitName(p.unitId)}（${p.people.map((id) => addressPerson(ctx.directory, id)).join('、')}）`).join('；')} 遵照执行。`,
              '除非有新的原则性意见，否则不再提出异议（H3）。',
            ]
          : [
              `请各方明确表态：${parties.map((p) => `${ctx.directory.unitName(p.unitId)}（${p.people.map((id) => addressPerson(ctx.directory, id)).join('、')}）`).join('；')}`,
              ...(earlier.length > 0 ? [`${earlier.map((u) => ctx.directory.unitName(u)).join('、')} 此前的表态是在本协调意见出具之前作出的，不作为对本意见的表态，请重新表态。`] : []),
            ],
        note: final ? undefined : '不同意的，提请上一级协调。',
        actions: final
          ? undefined
          : [
              commandButton('statePosition', `${item.code} 同意`, { label: '同意', style: 'primary', forPersonIds: parties.flatMap((p) => p.people) }),
              commandButton('statePosition', `${item.code} 不同意`, {
                label: '不同意',
                style: 'danger',
                forPersonIds: parties.flatMap((p) => p.people),
                input: { placeholder: '理由', required: true },
              }),
            ],
      },
    };
  },
});
