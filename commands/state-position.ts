import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { loadCoordination } from '../src/core/coordination-access.js';
import { partyActors } from '../src/domain/coordination-rules.js';
import { escalateCoordination } from '../src/domain/coordination-actions.js';
import { parseCoordinationCode } from '../src/parsing/code-and-text.js';
import { isoShanghai } from '../src/time/shanghai.js';
import type { CoordinationLevel } from '../src/domain/coordination.js';

const schema = z.object({
  code: z.string({ message: '请写明协调事项编号，如 C-0001' }),
  stance: z.enum(['agree', 'disagree'], { message: '请明确表态：同意 或 不同意' }),
  position: z.string().max(1000, '说明不超过 1000 字'),
}).refine((a) => a.stance === 'agree' || a.position.length >= 2, { message: '不同意的，须写明理由' });

export const statePosition = defineCommand({
  name: '表态',
  aliases: ['position', '明确表态'],
  category: '例外',
  summary: '协调涉及的单位明确表态：同意 或 不同意（须写理由）',
  usage: ['表态 协调编号 同意 [说明]', '表态 协调编号 不同意 理由'],
  examples: ['表态 C-0001 同意', '表态 C-0001 不同意 市级财力难以承担40%，建议按7:3分担'],
  allowed: 'anyone',
  parse(input) {
    const { code, rest } = parseCoordinationCode(input.text);
    const m = /^(原则同意|同意|赞成|不同意|反对)[，,：:\s]*/.exec(rest);
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
    if (item.status === 'closed') throw new UserError('invalid_state', `${item.code} 已协调一致，表态已截止。`, false);
    const mine = item.parties.filter((p) => partyActors(p.unitId, task, ctx.directory, ctx.authority?.extraActors).includes(ctx.actor.id));
    if (mine.length === 0) {
      const list = item.parties
        .map((p) => `${ctx.directory.unitName(p.unitId)}：${partyActors(p.unitId, task, ctx.directory, ctx.authority?.extraActors).map((id) => ctx.directory.personName(id)).join('、')}`)
        .join('；');
      throw new UserError('no_permission', `${item.code} 由涉及单位表态：${list}。`, false);
    }
    const at = isoShanghai(ctx.now);
    for (const p of mine) await ctx.repos.coordinations.state(item.id, p.unitId, args.stance, args.position, ctx.actor.id, at);
    const word = args.stance === 'agree' ? '同意' : '不同意';
    await ctx.audit('coordinate_stance', { code: item.code, units: mine.map((p) => p.unitId), stance: args.stance, position: args.position }, { taskId: task.id, subject: item.code });
    const names = mine.map((p) => ctx.directory.unitName(p.unitId)).join('、');
    if (item.status !== 'answered') {
      return { reply: { tone: 'info', title: `已记录 ${names} 对 ${item.code} 的表态：${word}`, lines: args.position ? [args.position] : undefined } };
    }
    if (args.stance === 'disagree') {
      if (item.level >= 2) {
        return { reply: { tone: 'warning', title: `已记录 ${names} 不同意；${item.code} 已由主要领导决定，请遵照执行`, lines: [args.position] } };
      }
      const notice = await escalateCoordination(ctx, item, (item.level + 1) as CoordinationLevel, `${names}不同意协调意见：${args.position}`);
      return { reply: { tone: 'warning', title: `已记录 ${names} 不同意，${item.code} 提请上一级协调`, lines: [args.position] }, notices: [{ to: { kind: 'origin' }, reply: notice }] };
    }
    const fresh = await ctx.repos.coordinations.findByCode(item.code);
    const pending = (fresh?.parties ?? []).filter((p) => p.stance !== 'agree');
    if (pending.length === 0) {
      await ctx.repos.coordinations.update(item.id, { status: 'closed', closedAt: at });
      await ctx.audit('coordinate_close', { code: item.code }, { taskId: task.id, subject: item.code });
      return { reply: { tone: 'success', title: `${item.code} 各方均已表态同意，协调完成`, fields: [{ label: '协调意见', value: item.opinion ?? '' }], lines: [`请 ${task.code} 承办单位按协调意见推进。`] } };
    }
    return {
      reply: { tone: 'info', title: `已记录 ${names} 同意`, lines: [`尚待表态：${pending.map((p) => ctx.directory.unitName(p.unitId)).join('、')}`] },
    };
  },
});
