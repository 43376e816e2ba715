import { UserError } from '../core/errors.js';
import type { Directory } from '../directory/directory.js';
import type { Coordination } from './coordination.js';
import { COORDINATION_STATUS_LABEL } from './coordination.js';

/** Who decided a settled item: the leader's title as the documents write it (省长, 常务副省长), else the name. */
function decider(item: Coordination, directory: Directory): string | undefined {
  if (item.level < 1 || !item.opinionBy) return undefined;
  const p = directory.person(item.opinionBy);
  return p?.title ?? p?.name ?? item.opinionBy;
}

/** `已由省长作出决定，请遵照执行` once a leader decided; `已协调一致` when the parties agreed at the 副秘书长's level. */
export function coordinationStatusLabel(item: Coordination, directory: Directory): string {
  if (item.closeReason === 'withdrawn') return '随事项撤销交办而终止，未协调一致';
  const who = item.status === 'closed' ? decider(item, directory) : undefined;
  return who ? `已由${who}作出决定，请遵照执行` : COORDINATION_STATUS_LABEL[item.status];
}

/**
 * A position sent after the item is settled. After a leader's decision the parties carry it
 * out (H3: 除非有新的原则性意见，否则不再提出异议).
 */
export function closedPositionRefusal(item: Coordination, directory: Directory): UserError {
  if (item.closeReason === 'withdrawn') return new UserError('invalid_state', `${item.code} 所涉事项已撤销交办，协调随之终止，不再办理。`, false);
  const who = item.opinion ? decider(item, directory) : undefined;
  if (who) {
    return new UserError('invalid_state', `${item.code} 已由${who}作出决定，请遵照执行；除非有新的原则性意见，否则不再提出异议（H3）。有新的原则性意见的，请写明后报督查室。`, false);
  }
  return new UserError('invalid_state', `${item.code} 已协调一致，表态已截止，请按协调意见执行。`, false);
}
