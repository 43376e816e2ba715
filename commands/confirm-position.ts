import { confirmPositions } from '../src/domain/actions/coordination.js';
import { positionAnswer } from '../src/render/escalation-notice.js';
import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { coordinationCodeArg } from '../src/parsing/argument-schemas.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadCoordination } from '../src/core/coordination-access.js';
import { positionSigners, settlePositions } from '../src/domain/coordination-positions.js';
import { closedPositionRefusal } from '../src/domain/coordination-decision.js';
import { parseCoordinationCode } from '../src/parsing/code-and-text.js';

export const confirmPosition = defineCommand({
  name: COMMAND_WORDS.confirmPosition,
  aliases: ['confirm-position', '签字确认'],
  category: '例外',
  summary: '单位主要负责人（或代行人）确认本单位经办人的表态（H3：所提意见须经主要负责人签字）',
  usage: ['确认表态 协调编号'],
  examples: ['确认表态 C-0001'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCoordinationCode(input.text);
    if (code && rest.trim()) {
      throw new UserError('bad_arguments', `确认表态只确认已记录的表态；要改变表态，请发「表态 ${code} 同意」或「表态 ${code} 不同意 理由」。`);
    }
    return { code };
  },
  schema: z.object({ code: coordinationCodeArg }),
  async run(ctx, args) {
    const { item, task } = await loadCoordination(ctx, args.code);
    if (item.status === 'closed') throw closedPositionRefusal(item, ctx.directory);
    const signers = await positionSigners(ctx);
    const mine = item.parties.filter((p) => signers(p.unitId).includes(ctx.actor.id));
    if (mine.length === 0) {
      const list = item.parties
        .map(
          (p) =>
            `${ctx.directory.unitName(p.unitId)}：${
              signers(p.unitId)
                .map((id) => ctx.directory.personName(id))
                .join('、') || '未登记'
            }`,
        )
        .join('；');
      throw new UserError('no_permission', `${item.code} 的表态由各单位主要负责人（或代行人）确认：${list}。`, false);
    }
    const waiting = mine.filter((p) => p.stance && !p.confirmedBy);
    if (waiting.length === 0) {
      throw new UserError('invalid_state', `${item.code} 没有待您确认的表态；可直接发「表态 ${item.code} 同意」或「表态 ${item.code} 不同意 理由」。`, false);
    }
    const stances = new Set(waiting.map((p) => p.stance));
    await confirmPositions(ctx, item, task, { by: ctx.actor.id, unitIds: waiting.map((p) => p.unitId), stances: [...stances].filter((s): s is 'agree' | 'disagree' => s !== undefined) });
    // One person heading two units with different positions is settled unit by unit.
    let outcome;
    for (const stance of stances) {
      const units = waiting.filter((p) => p.stance === stance).map((p) => p.unitId);
      const position = waiting.find((p) => p.stance === stance)?.position ?? '';
      outcome = await settlePositions(ctx, item, task, units, stance ?? 'agree', position);
    }
    if (!outcome) throw new Error('no stance to settle');
    return positionAnswer(ctx, { ...outcome, reply: { ...outcome.reply, title: `已确认：${outcome.reply.title}` } });
  },
});
