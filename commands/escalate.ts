import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { coordinationCodeArg } from '../src/parsing/argument-schemas.js';
import { oversees } from '../src/domain/roles.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadCoordination } from '../src/core/coordination-access.js';
import { handlersAt, mayAnswer } from '../src/domain/coordination-rules.js';
import { escalateCoordination } from '../src/domain/actions/escalate-coordination.js';
import { escalationNotice } from '../src/render/escalation-notice.js';
import { LEVEL_LABEL, type CoordinationLevel } from '../src/domain/coordination.js';
import { parseCoordinationCode } from '../src/parsing/code-and-text.js';
import { coordinationStatusLabel } from '../src/domain/coordination-decision.js';

export const escalate = defineCommand({
  name: COMMAND_WORDS.escalate,
  aliases: ['escalate', '提请上级协调'],
  category: '例外',
  summary: '难以协调的事项提请上一级：副秘书长→分管领导；提请主要领导由分管领导或秘书长决定（H7）',
  usage: ['升级 协调编号 [原因]'],
  examples: ['升级 C-0001 涉及面广，两市分歧较大，需分管领导协调'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCoordinationCode(input.text);
    return { code, why: rest };
  },
  schema: z.object({ code: coordinationCodeArg, why: z.string().max(500) }),
  async run(ctx, args) {
    const { item } = await loadCoordination(ctx, args.code);
    if (item.status === 'closed') throw new UserError('invalid_state', `${item.code} ${coordinationStatusLabel(item, ctx.directory)}。`, false);
    if (item.level >= 2) throw new UserError('invalid_state', `${item.code} 已由主要领导协调，不能再提请。`, false);
    if (item.level === 1) {
      // H7: whether the 主要领导 is needed is for the 分管领导 to judge (协调不了或者事项复杂的), or the 秘书长.
      const { ids } = await handlersAt(1, item, ctx.repos, ctx.directory, ctx.today);
      const may = ids.includes(ctx.actor.id) || ctx.actor.roles.includes('秘书长') || ctx.actor.roles.includes('主要领导');
      if (!may) {
        throw new UserError('no_permission', `${item.code} 是否提请主要领导协调，由分管领导（${ids.map((id) => ctx.directory.personName(id)).join('、')}）或秘书长决定（H7）。`, false);
      }
    } else {
      const office = oversees(ctx.actor);
      if (!office && !(await mayAnswer(ctx.actor.id, item, ctx.repos, ctx.directory, ctx.today))) {
        throw new UserError('no_permission', `只有当前协调人、秘书长或督查室可以提请${LEVEL_LABEL[(item.level + 1) as CoordinationLevel]}。`, false);
      }
    }
    const to = (item.level + 1) as CoordinationLevel;
    const escalation = await escalateCoordination(ctx, item, to, args.why || `${ctx.actor.name}提请：难以协调`);
    return { reply: await escalationNotice(ctx, escalation) };
  },
});
