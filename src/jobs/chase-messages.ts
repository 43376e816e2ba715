import type { Reply } from '../core/reply.js';
import { mention } from '../core/reply.js';
import type { ReplyTarget } from '../core/ports.js';
import type { JobContext } from './job.js';
import { isLeader } from '../domain/ladder.js';

/** Most items listed in one message; the rest are counted, so a message stays readable. */
export const MAX_ITEMS_PER_MESSAGE = 30;

/** One line in a person's combined message, under a section (逾期, 未签收 …). */
export interface ChaseItem {
  section: string;
  line: string;
  /** Extra people to @ because of this item (unit heads from the 2nd step on; never leaders). */
  alsoMention?: string[];
  /** Items are listed in this order within a section (e.g. the deadline: most overdue first). */
  sortKey?: string;
}

/**
 * Collects what each person is owed in one run, per chat, so that each person gets one
 * combined message listing all their items instead of one message per item.
 */
export class ChaseBook {
  private readonly byKey = new Map<string, { target: ReplyTarget; personId: string; items: ChaseItem[] }>();

  add(target: ReplyTarget, personId: string, item: ChaseItem): void {
    const key = `${target.platform}\u0000${target.targetKind}\u0000${target.targetId}\u0000${personId}`;
    const entry = this.byKey.get(key) ?? { target, personId, items: [] };
    entry.items.push(item);
    this.byKey.set(key, entry);
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * Posts one message per (chat, person), sections in `order`. Leaders are never addressed in
   * the group: what concerns them reaches them in the 督办专报 (leader-digest).
   */
  async post(ctx: JobContext, title: string, order: string[], note: string): Promise<number> {
    let posted = 0;
    for (const { target, personId, items } of this.byKey.values()) {
      if (await postChaseMessage(ctx, target, personId, items, { title, order, note })) posted += 1;
    }
    return posted;
  }
}

/** One person's combined message in one chat: their items under `order`'s sections. */
export async function postChaseMessage(
  ctx: JobContext,
  target: ReplyTarget,
  personId: string,
  items: ChaseItem[],
  { title, order, note }: { title: string; order: string[]; note: string },
): Promise<boolean> {
  // Leaders are told by 专报 (leader-digest), never chased in the group.
  if (isLeader(ctx.directory.person(personId))) return false;
  const lines: string[] = [];
  let shown = 0;
  for (const section of order) {
    const inSection = items
      .filter((i) => i.section === section)
      .sort((a, b) => (a.sortKey ?? '').localeCompare(b.sortKey ?? ''))
      .slice(0, Math.max(0, MAX_ITEMS_PER_MESSAGE - shown));
    if (inSection.length === 0) continue;
    shown += inSection.length;
    lines.push(`【${section}】`, ...inSection.map((i) => i.line));
  }
  if (items.length > shown) lines.push(`另有 ${items.length - shown} 项未列出，发「查询 我的」查看全部。`);
  const listed = items.filter((i) => lines.includes(i.line));
  // Leaders are told by 专报, never @-mentioned in group chasing; the handler footer is not for them.
  const others = [...new Set(listed.flatMap((i) => i.alsoMention ?? []))].filter((id) => !isLeader(ctx.directory.person(id)));
  const mentions = [personId, ...others].filter((id, i, all) => all.indexOf(id) === i);
  const reply: Reply = { tone: 'warning', title, mentions, lines: [`${mention(personId)}：`, ...lines], note };
  await ctx.post(target, reply);
  return true;
}

/** Where a task's chase goes: the chat it was assigned in. */
export function originTarget(origin: { platform: string; chatId: string }): ReplyTarget {
  return { platform: origin.platform, targetKind: 'chat', targetId: origin.chatId };
}
