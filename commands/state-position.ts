import { recordPosition } from '../src/domain/actions/coordination.js';
import { positionAnswer } from '../src/render/escalation-notice.js';
import { commandButton } from '../src/core/command-button.js';
import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { coordinationCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { addressPerson, withoutLeaders } from '../src/domain/leader-address.js';
import { loadCoordination } from '../src/core/coordination-access.js';
import { partyActors } from '../src/domain/coordination-rules.js';
import { findDeferral, positionSigners, settlePositions } from '../src/domain/coordination-positions.js';
import { closedPositionRefusal } from '../src/domain/coordination-decision.js';
import { parseCoordinationCode } from '../src/parsing/code-and-text.js';

const schema = z
  .object({
    code: coordinationCodeArg,
    stance: z.enum(['agree', 'disagree'], { message: '请明确表态：同意 或 不同意' }),
    position: z.string().max(1000, '说明不超过 1000 字'),
  })
  .refine((a) => a.stance === 'agree' || a.position.length >= 2, { message: '不同意的，须写明理由' });

export const statePosition = defineCommand({
  name: COMMAND_WORDS.statePosition,
  aliases: ['position', '明确表态'],
  category: '例外',
  summary: '协调涉及的单位明确表态：同意 或 不同意（须写理由）；经办人表态须经主要负责人确认',
  usage: ['表态 协调编号 同意 [说明]', '表态 协调编号 不同意 理由'],
  examples: ['表态 C-0001 同意', '表态 C-0001 不同意 市级财力难以承担40%，建议按7:3分担'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCoordinationCode(input.text);
    const deferral = findDeferral(rest);
    if (code && deferral) {
      throw new UserError('bad_arguments', `「${deferral}」不是明确表态：被征询单位须明确表态，不能以回去请示或其它理由推诿搪塞（H3、H4）。请写「表态 ${code} 同意」或「表态 ${code} 不同意 理由」。`);
    }
    const m = /^(同意|赞成|不同意|反对)[，,：:\s]*/.exec(rest);
    if (!m) {
      if (code) throw new UserError('bad_arguments', '表态须明确：写「同意」或「不同意 理由」，不能含糊。');
      return { code, stance: undefined, position: rest };
    }
    const stance = m[1] === '不同意' || m[1] === '反对' ? 'disagree' : 'agree';
    return { code, stance, position: rest.slice(m[0].length).trim() };
  },
  schema,
  async run(ctx, args) {
    const { item, task } = await loadCoordination(ctx, args.code);
    if (item.status === 'closed') throw closedPositionRefusal(item, ctx.directory);
    const mine = item.parties.filter((p) => partyActors(p.unitId, task, ctx.directory, ctx.authority?.extraActors).includes(ctx.actor.id));
    if (mine.length === 0) {
      const list = item.parties
        .map(
          (p) =>
            `${ctx.directory.unitName(p.unitId)}：${partyActors(p.unitId, task, ctx.directory, ctx.authority?.extraActors)
              .map((id) => ctx.directory.personName(id))
              .join('、')}`,
        )
        .join('；');
      throw new UserError('no_permission', `${item.code} 由涉及单位表态：${list}。`, false);
    }
    const signers = await positionSigners(ctx);
    // H3: a position counts once the unit's 主要负责人 (or acting head) gives or confirms it.
    const signs = (unitId: string) => signers(unitId).length === 0 || signers(unitId).includes(ctx.actor.id);
    const { signed, awaiting } = await recordPosition(ctx, item, task, {
      by: ctx.actor.id,
      unitIds: mine.map((p) => p.unitId),
      stance: args.stance,
      position: args.position,
      signs,
    });
    const word = args.stance === 'agree' ? '同意' : '不同意';
    if (signed.length > 0) return positionAnswer(ctx, await settlePositions(ctx, item, task, signed, args.stance, args.position));
    const heads = [...new Set(awaiting.flatMap((u) => signers(u)))];
    const names = awaiting.map((u) => ctx.directory.unitName(u)).join('、');
    return {
      reply: {
        tone: 'info',
        title: `已记录 ${names} 对 ${item.code} 的表态：${word}（待主要负责人确认）`,
        mentions: withoutLeaders(ctx.directory, heads),
        lines: [
          ...(args.position ? [args.position] : []),
          `所提意见须经主要负责人签字（H3）：请 ${heads.map((id) => addressPerson(ctx.directory, id)).join('、')} 发「确认表态 ${item.code}」确认，或直接「表态 ${item.code} 同意｜不同意 理由」替换。`,
          ...(item.status === 'open' ? ['协调意见尚未出具：本表态作为本单位对所提事项的意见记录；协调意见出具后，须对协调意见再次表态。'] : []),
        ],
        actions: [commandButton('confirmPosition', item.code, { style: 'primary', forPersonIds: heads })],
      },
    };
  },
});
