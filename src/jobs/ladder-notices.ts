import { mention, type Reply } from '../core/reply.js';
import { issueNotice, reachStep } from '../domain/actions/ladder-step.js';
import { assigningLeader } from '../domain/actions/explain.js';
import { isLeader, type LadderStep, type LadderTrigger } from '../domain/ladder.js';
import type { ActionContext } from '../domain/action-context.js';
import type { NoticeTask } from '../../storage/scheduling-repositories.js';
import type { Task } from '../domain/task.js';
import type { ReplyTarget } from '../core/ports.js';
import { daysBetween, formatDateCn, formatDateShortCn } from '../time/shanghai.js';
import { addressPerson } from '../domain/leader-address.js';

/** A task that reached a step in this run, waiting to be announced. */
export interface StepReached<T extends NoticeTask = NoticeTask> {
  /** A whole task, or (for a notice only) what the chase's pages read of it. */
  task: T;
  step: LadderStep;
  trigger: LadderTrigger;
  target: ReplyTarget;
}

/**
 * Turns the steps reached in one run into 通报: one numbered notice per (chat, unit, step),
 * addressed to the unit and listing its items and responsible people. Step 3 issues no
 * notice: the items go on the 拟移交 list, which the 督查室 and 秘书长 read in their 专报.
 * Leaders are named, never @-mentioned.
 */
export async function announceSteps(
  c: ActionContext,
  reached: StepReached<Task>[],
  headsOf: (unitId: string) => string[],
  post: (target: ReplyTarget, reply: Reply) => Promise<void>,
): Promise<number> {
  const groups = new Map<string, StepReached<Task>[]>();
  for (const r of reached) {
    const key = `${r.target.platform}\u0000${r.target.targetId}\u0000${r.task.leadUnitId}\u0000${r.step}\u0000${r.trigger === 'untrue' ? 'u' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let notices = 0;
  for (const items of groups.values()) notices += await announceGroup(c, items, headsOf, post);
  return notices;
}

/**
 * One group of steps reached (same chat, unit, step and trigger kind): the steps recorded and
 * one numbered 通报 posted (none for step 3). Returns the number of notices posted.
 */
export async function announceGroup(c: ActionContext, items: StepReached<Task>[], headsOf: (unitId: string) => string[], post: (target: ReplyTarget, reply: Reply) => Promise<void>): Promise<number> {
  const first = items[0];
  if (!first) return 0;
  if (first.step === 3) {
    for (const r of items) await reachStep(c, r.task, 3, r.trigger);
    return 0;
  }
  const number = await issueNotice(c, first.step);
  for (const r of items) await reachStep(c, r.task, first.step, r.trigger, number);
  await post(first.target, stepNotice(c, number, items, headsOf));
  return 1;
}

/** Why a unit's items are notified, by step and trigger (the notice's opening line, and its document). */
export const NOTICE_REASONS: Record<string, string> = {
  '1chase': '下列事项逾期不报，经催办仍未落实，予以通报，并记入日常考核工作台账：',
  '1untrue': '下列事项办理质量不高，经复核不实已退回重办，予以通报，并记入日常考核工作台账：',
  '2chase': '下列事项被催办 2 次仍未落实，予以通报：',
  '2demand': '下列事项省政府领导提出明确整改要求后仍落实不力，予以通报：',
};

export function noticeReason(step: number, trigger: string): string {
  return NOTICE_REASONS[`${step}${trigger}`] ?? NOTICE_REASONS['1chase'] ?? '';
}

/** The 通报 itself: title = its number, then the unit, the items, the people, what is owed. */
export function stepNotice(c: ActionContext, number: string, items: StepReached[], headsOf: (unitId: string) => string[]): Reply {
  const first = items[0];
  if (!first) throw new Error('empty notice');
  const unitId = first.task.leadUnitId;
  const unit = c.directory.unitName(unitId);
  const heads = headsOf(unitId).filter((id) => !isLeader(c.directory.person(id)));
  const responsible = [...new Set(items.flatMap((r) => r.task.units.filter((u) => u.role === 'lead').map((u) => u.responsibleId)))];
  const lines = [`${unit}：`, noticeReason(first.step, first.trigger)];
  for (const r of items) lines.push(itemLine(c, r));
  lines.push(`责任人：${responsible.map((id) => addressPerson(c.directory, id)).join('、')}${heads.length > 0 ? `；单位主要负责人：${heads.map(mention).join('、')}` : ''}`);
  if (first.step === 2) {
    for (const r of items) {
      const leader = assigningLeader(r.task, c.directory);
      lines.push(`请单位主要负责人向${leader ? ` ${c.directory.label(leader)} ` : '交办领导'}作出说明，并提出整改落实措施：回复「说明 ${r.task.code} 原因；整改措施：…」。`);
    }
  }
  return { tone: 'warning', title: number, lines, note: `${first.step === 1 ? '省政府督查室' : '省政府办公厅'} · ${formatDateCn(c.today, c.today)}` };
}

function itemLine(c: ActionContext, r: StepReached): string {
  const t = r.task;
  if (r.trigger === 'untrue') return `${t.code} ${t.title}｜复核不实，退回重办，重办时限 ${formatDateShortCn(t.deadline)}`;
  const overdue = t.deadline < c.today ? `，逾期 ${daysBetween(t.deadline, c.today)} 天` : '';
  const what = r.trigger === 'demand' ? '整改要求逾期未落实' : `被催办 ${t.chaseCount} 次`;
  return `${t.code} ${t.title}｜${formatDateShortCn(t.deadline)}到期${overdue}｜${what}`;
}
