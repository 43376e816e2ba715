import { UserError } from '../core/errors.js';
import type { Coordination } from './coordination.js';

/**
 * A position sent after the item is settled. After a leader's decision the parties carry it
 * out (H3: 除非有新的原则性意见，否则不再提出异议).
 */
export function closedPositionRefusal(item: Coordination): UserError {
  if (item.level >= 1 && item.opinion) {
    const who = item.level === 2 ? '主要领导' : '分管领导';
    return new UserError(
      'invalid_state',
      `${item.code} 已由${who}作出决定，请各单位遵照执行；除非有新的原则性意见，否则不再提出异议（H3）。有新的原则性意见的，请写明后报督查室。`,
      false,
    );
  }
  return new UserError('invalid_state', `${item.code} 已协调一致，表态已截止，请按协调意见执行。`, false);
}
