import { commandButton } from '../core/command-button.js';
import type { ActionContext } from './action-context.js';
import type { Reply } from '../core/reply.js';

/** What a settled position answers: the reply and, when the item climbs, the escalation (the caller posts its notice to the chat). */
export interface PositionOutcome {
  reply: Reply;
  escalation?: Escalation;
}
import { isoShanghai } from '../time/shanghai.js';
import type { Coordination, CoordinationLevel } from './coordination.js';
import { positionCounts } from './coordination.js';
import { escalateCoordination, type Escalation } from './actions/escalate-coordination.js';
import { handlersAt } from './coordination-rules.js';
import { headsLookup } from './people-state.js';
import type { Task } from './task.js';
import { addressPerson, withoutLeaders } from './leader-address.js';

/**
 * Phrases that defer or put conditions on a position instead of stating one (H4: 不能以回去
 * 请示或其它理由推诿搪塞). The first match is quoted back in the refusal.
 */
const DEFERRING =
  /原则上?同意|回去(?:再)?(?:研究|请示|商量|汇报|商议)|(?:需|须|要|待|等)(?:回去)?(?:请示|汇报|研究|商议|领导定)|再(?:研究|商量|议)|待研究|研究后(?:再)?(?:答复|表态|定)|另行(?:答复|表态)|暂不表态|视情况/;

/** The deferring phrase in a 表态 text, if any. */
export function findDeferral(text: string): string | undefined {
  return DEFERRING.exec(text)?.[0];
}

/** Who gives a unit's position (H3: 经主要负责人签字): its head and, while one is named, the acting head. */
export async function positionSigners(ctx: ActionContext): Promise<(unitId: string) => string[]> {
  return headsLookup(ctx.repos, ctx.directory, ctx.today);
}

/**
 * After a unit's position counts (given or confirmed by its head): a disagreement at the
 * 副秘书长 goes up to the 分管领导; at the 分管领导 it goes back to them, who judge whether
 * the 主要领导 is needed (H7: 分管领导协调不了或者事项复杂的); all agreeing closes the item.
 */
export async function settlePositions(ctx: ActionContext, item: Coordination, task: Task, units: string[], stance: 'agree' | 'disagree', position: string): Promise<PositionOutcome> {
  const names = units.map((u) => ctx.directory.unitName(u)).join('、');
  if (item.status !== 'answered') {
    return {
      reply: {
        tone: 'info',
        title: `已记录 ${names} 对 ${item.code} 的表态：${stance === 'agree' ? '同意' : '不同意'}`,
        lines: [
          ...(position ? [position] : []),
          item.status === 'open' ? '协调意见尚未出具：本表态作为本单位对所提事项的意见记录，供协调参考；协调意见出具后，须对协调意见再次表态。' : undefined,
        ].filter((l): l is string => l !== undefined),
      },
    };
  }
  if (stance === 'disagree') {
    if (item.level === 0) {
      const escalation = await escalateCoordination(ctx, item, 1 as CoordinationLevel, `${names}不同意协调意见：${position}`);
      return { reply: { tone: 'warning', title: `已记录 ${names} 不同意，${item.code} 提请上一级协调`, lines: [position] }, escalation };
    }
    const { ids } = await handlersAt(item.level, item, ctx.repos, ctx.directory, ctx.today);
    await ctx.audit('coordinate_disagree', { code: item.code, units, position, level: item.level }, { taskId: task.id, subject: item.code });
    return {
      reply: {
        tone: 'warning',
        title: `已记录 ${names} 不同意 ${item.code} 的协调意见`,
        mentions: withoutLeaders(ctx.directory, ids),
        lines: [position, `请 ${ids.map((id) => addressPerson(ctx.directory, id)).join('、')} 再行协调（出具协调意见）；协调不了或者事项复杂的，请发「升级 ${item.code}」提请主要领导协调（H7）。`],
        actions: [commandButton('escalate', item.code, { label: '提请主要领导', forPersonIds: ids })],
      },
    };
  }
  const fresh = await ctx.repos.coordinations.findByCode(item.code);
  const pending = (fresh?.parties ?? []).filter((p) => !(p.stance === 'agree' && positionCounts(p)));
  if (pending.length === 0) {
    const at = isoShanghai(ctx.now);
    await ctx.repos.coordinations.update(item.id, { status: 'closed', closedAt: at });
    await ctx.audit('coordinate_close', { code: item.code }, { taskId: task.id, subject: item.code });
    return {
      reply: {
        tone: 'success',
        title: `${item.code} 各方均已表态同意，协调完成`,
        fields: [{ label: '协调意见', value: item.opinion ?? '' }],
        lines: [`请 ${task.code} 承办单位按协调意见推进。`],
      },
    };
  }
  const describe = (p: (typeof pending)[number]) => `${ctx.directory.unitName(p.unitId)}${p.stance ? '（待主要负责人确认）' : ''}`;
  return { reply: { tone: 'info', title: `已记录 ${names} 同意`, lines: [`尚待表态：${pending.map(describe).join('、')}`] } };
}
