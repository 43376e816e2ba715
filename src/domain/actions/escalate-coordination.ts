import type { ActionContext } from '../action-context.js';
import type { Coordination, CoordinationLevel } from '../coordination.js';
import { LEVEL_LABEL } from '../coordination.js';
import { handlersAt, nextCoordinationStep } from '../coordination-rules.js';

/** An item moved up H7's ladder: its new state, the level it went to, why, and who now answers. */
export interface Escalation {
  item: Coordination;
  to: CoordinationLevel;
  why: string;
  handlerIds: string[];
}

/**
 * Moves an item up H7's ladder: the next level's people become its handlers and the answer
 * clock restarts. The notice to the chat is built by the caller (src/render/escalation-notice.ts).
 */
export async function escalateCoordination(c: ActionContext, item: Coordination, to: CoordinationLevel, why: string): Promise<Escalation> {
  const { ids } = await handlersAt(to, item, c.repos, c.directory, c.today);
  await c.repos.coordinations.update(item.id, { level: to, handlerIds: ids, levelSince: c.today, status: 'open' });
  await c.audit('coordinate_escalate', { code: item.code, from: item.level, to, handlers: ids, why }, { taskId: item.taskId, subject: item.code });
  return { item: { ...item, level: to, handlerIds: ids, levelSince: c.today, status: 'open' }, to, why, handlerIds: ids };
}

/** The scheduler's entry: every item waiting past its answer time climbs one level. */
export async function escalateOverdueCoordinations(c: ActionContext, answerDays: number): Promise<Escalation[]> {
  const out: Escalation[] = [];
  for (const item of await c.repos.coordinations.unresolved()) {
    const step = nextCoordinationStep(item, c.today, c.calendar, answerDays);
    if (step.kind !== 'escalate') continue;
    out.push(await escalateCoordination(c, item, step.to, `${LEVEL_LABEL[item.level]}超过 ${answerDays} 个工作日未出具意见`));
  }
  return out;
}
