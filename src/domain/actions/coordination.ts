import type { ActionContext } from '../action-context.js';
import type { Coordination, CoordinationLevel } from '../coordination.js';
import type { Task } from '../task.js';
import { isoShanghai } from '../../time/shanghai.js';

export interface OpenCoordinationInput {
  requesterId: string;
  requesterUnit: string;
  reason: string;
  /** 首问负责: who answers first, and why (a covering deputy, a substitute …). */
  ownerId: string;
  ownerNote?: string | undefined;
  /** Other deputies whose units are involved (会同). */
  alsoInvolved: string[];
  /** The units whose positions are asked for. */
  units: string[];
  origin: { platform: string; chatId: string };
}

/** 协调 (H7): opens a coordination item on a task, answered first by its 首问负责 deputy. */
export async function openCoordination(c: ActionContext, task: Task, o: OpenCoordinationInput): Promise<Coordination> {
  const item = await c.repos.coordinations.create({
    taskId: task.id,
    requesterId: o.requesterId,
    requesterUnit: o.requesterUnit,
    reason: o.reason,
    ownerId: o.ownerId,
    ownerNote: o.ownerNote,
    handlerIds: [o.ownerId],
    levelSince: c.today,
    openedAt: isoShanghai(c.now),
    origin: o.origin,
    partyUnits: o.units,
  });
  await c.audit(
    'coordinate_open',
    { code: item.code, reason: o.reason, owner: o.ownerId, ownerNote: o.ownerNote, units: o.units, alsoInvolved: o.alsoInvolved },
    { taskId: task.id, subject: item.code },
  );
  return item;
}

/**
 * 协调意见: records the opinion; the parties' earlier positions no longer count. At the
 * 主要领导 (level 2) the opinion is a decision and closes the item.
 */
export async function giveOpinion(c: ActionContext, item: Coordination, task: Task, d: { by: string; opinion: string }): Promise<{ final: boolean }> {
  const at = isoShanghai(c.now);
  const final = item.level === (2 as CoordinationLevel);
  await c.repos.coordinations.update(item.id, {
    opinion: d.opinion,
    opinionBy: d.by,
    opinionAt: at,
    status: final ? 'closed' : 'answered',
    closedAt: final ? at : undefined,
  });
  await c.repos.coordinations.resetStances(item.id);
  await c.audit('coordinate_opinion', { code: item.code, opinion: d.opinion, level: item.level, final }, { taskId: task.id, subject: item.code });
  return { final };
}

/**
 * 表态: records the units' position. A position given by someone who may sign for the unit
 * (its head or acting head) counts at once; otherwise it waits for 确认表态.
 */
export async function recordPosition(
  c: ActionContext,
  item: Coordination,
  task: Task,
  d: { by: string; unitIds: string[]; stance: 'agree' | 'disagree'; position: string; signs: (unitId: string) => boolean },
): Promise<{ signed: string[]; awaiting: string[] }> {
  const at = isoShanghai(c.now);
  for (const unitId of d.unitIds) {
    await c.repos.coordinations.state(item.id, unitId, d.stance, d.position, d.by, at, d.signs(unitId) ? d.by : undefined);
  }
  const signed = d.unitIds.filter((u) => d.signs(u));
  const awaiting = d.unitIds.filter((u) => !d.signs(u));
  await c.audit('coordinate_stance', { code: item.code, units: d.unitIds, stance: d.stance, position: d.position, awaitingHead: awaiting }, { taskId: task.id, subject: item.code });
  return { signed, awaiting };
}

/** 确认表态: the unit head signs the positions his units' handlers gave (H3: 经主要负责人签字). */
export async function confirmPositions(c: ActionContext, item: Coordination, task: Task, d: { by: string; unitIds: string[]; stances: string[] }): Promise<void> {
  const at = isoShanghai(c.now);
  for (const unitId of d.unitIds) await c.repos.coordinations.confirm(item.id, unitId, d.by, at);
  await c.audit('coordinate_confirm', { code: item.code, units: d.unitIds, stances: d.stances }, { taskId: task.id, subject: item.code });
}
