import type { ActionContext } from './action-context.js';
import type { Coordination } from './coordination.js';
import { effectiveDeputy } from './people-state.js';

/** An item passed to a substitute: as it now stands, who had it, and why. */
export interface PassedItem {
  item: Coordination;
  from: string;
  why: string;
}

/**
 * 缺位递补 for items already pending (H8): an open item whose owning 副秘书长 is away today
 * passes at once to whoever stands in (the named substitute, else the 秘书长). The substitute
 * becomes the owner, the answer clock restarts, and the record says why.
 */
export async function passToSubstitutes(c: ActionContext, items: readonly Coordination[]): Promise<PassedItem[]> {
  const out: PassedItem[] = [];
  for (const item of items) {
    if (item.status !== 'open' || item.level !== 0) continue;
    const eff = await effectiveDeputy(c.repos, c.directory, item.ownerId, c.today);
    if (eff.personId === item.ownerId) continue;
    const why = eff.note ?? `${c.directory.personName(item.ownerId)}缺位，由${c.directory.personName(eff.personId)}递补（缺位递补）`;
    await c.repos.coordinations.update(item.id, { ownerId: eff.personId, ownerNote: why, handlerIds: [eff.personId], levelSince: c.today });
    await c.audit('coordinate_substitute', { code: item.code, from: item.ownerId, to: eff.personId, why }, { taskId: item.taskId, subject: item.code });
    out.push({ item: { ...item, ownerId: eff.personId, ownerNote: why, handlerIds: [eff.personId], levelSince: c.today }, from: item.ownerId, why });
  }
  return out;
}
