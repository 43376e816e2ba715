import type { ChaseEntry, ChaseLineTask, ChaseRecipient, ChaseRow, RecipientRow } from '../../storage/scheduling-repositories.js';
import { isLeader } from '../domain/ladder.js';
import { headsLookup } from '../domain/people-state.js';
import { stepForChase } from '../domain/actions/ladder-step.js';
import { daysBetween, formatDateCn, formatDateShortCn } from '../time/shanghai.js';
import { postChaseMessage, type ChaseItem } from './chase-messages.js';
import { unackedLine, warningLine } from './chase-other.js';
import type { JobContext } from './job.js';

/** Where a daily chase run stands; written with every page. */
export interface ChaseCursor {
  phase: 'overdue' | 'unacked' | 'letters' | 'notices';
  /** The last task id, recipient or notice group done in this phase. */
  after: number;
  /** Within the notice group being announced: the last step row done, and the notice's number. */
  within?: number;
  notice?: string;
  /** The notice group being announced has all its steps recorded; its notice is posted by the next page. */
  owed?: boolean;
  /** The newest chase-ledger row and step row before the run: the run's own rows come after. */
  log: number;
  steps: number;
  /** The newest task's id when the run began: the overdue phase reads ids up to it. */
  until?: number;
  n: { chased: number; unacked: number; warned: number; notices: number; paused: number };
}

/** How long one page may hold the event loop (ms); a page also stops at the page size. */
export const PAGE_MS = 15;

const SECTIONS = ['逾期催办', '未签收', '到期预警'];
const KINDS: readonly ChaseEntry['kind'][] = ['overdue', 'unacked', 'warning'];
/** The run's rows read per page while learning who and which groups are owed (2,000 held a page 40–55 ms at full size). */
export const SCAN = 800;

/**
 * A round of a letters page: the people whose rows are read in one statement and whose messages
 * are then built and posted (250 rows held a round 18 ms of reading, 190 messages 27 ms more).
 */
const LETTER_ROWS = 120;
const LETTER_PEOPLE = 48;

/** A page's budget: `size` units of work, and PAGE_MS of time. */
export function budget(size: number): { spend(n: number): void; left(): boolean } {
  let units = size;
  const until = performance.now() + PAGE_MS;
  return {
    spend: (n) => {
      units -= n;
    },
    left: () => units > 0 && performance.now() < until,
  };
}

/**
 * One page of people: each gets one message per chat, built from the run's ledger rows addressed
 * to them. The first pages only read the run's rows, a slice at a time, to learn who is owed a
 * message in which order and by which rows (ids kept in memory; read again after a restart).
 * Then the rows of the next people, up to a page of rows, are read by id in one statement, and
 * their messages built person by person.
 */
export async function lettersPage(ctx: JobContext, c: ChaseCursor, size: number, memo: Map<string, unknown>): Promise<void> {
  const all = await scanned(
    memo,
    'recipients',
    c.log,
    (after) => ctx.repos.chases.runRows(ctx.occurrence.period, after, KINDS, SCAN),
    (r) => recipientKey(r),
  );
  if (!all) return;
  const headsOf = await headsLookup(ctx.repos, ctx.directory, ctx.today);
  const b = budget(size);
  const rows = Math.max(1, Math.min(size, LETTER_ROWS));
  for (let i = firstAfter(all, c.after); i < all.length && b.left(); ) {
    // People in order until a round's rows or people are reached (at least one person).
    const batch: Array<ChaseRecipient & { ids: number[] }> = [];
    let rowsIn = 0;
    for (let j = i; j < all.length && (batch.length === 0 || (batch.length < LETTER_PEOPLE && rowsIn + (all[j]?.ids.length ?? 0) <= rows)); j++) {
      const r = all[j] as ChaseRecipient & { ids: number[] };
      batch.push(r);
      rowsIn += r.ids.length;
    }
    const byId = new Map((await ctx.repos.chases.rowsFor(batch.flatMap((r) => r.ids))).map((row) => [row.id, row]));
    for (const r of batch) {
      const rows = r.ids.map((id) => byId.get(id)).filter((x): x is RecipientRow => x !== undefined);
      const items = rows.map((row) => itemFor(ctx, row.task, row, headsOf));
      if (items.length > 0) {
        await postChaseMessage(ctx, { platform: r.platform, targetKind: 'chat', targetId: r.chatId }, r.personId, items, {
          title: `每日督办提醒 · ${formatDateCn(ctx.today, ctx.today)}`,
          order: SECTIONS,
          note: '回复「签收 编号」「进展 编号 情况」「办结 编号 结果」；确有困难的，到期前申请延期或提请协调。',
        });
      }
      c.after = r.first;
      b.spend(Math.max(1, rows.length));
    }
    i += batch.length;
  }
  if (firstAfter(all, c.after) >= all.length) Object.assign(c, { phase: 'notices', after: 0 });
}

const recipientKey = (r: { platform: string; chatId: string; personId: string }) => `${r.platform}\u0000${r.chatId}\u0000${r.personId}`;
export const groupKey = (s: { platform: string; chatId: string; unitId: string; step: number }, untrue: boolean) =>
  `${s.platform}\u0000${s.chatId}\u0000${s.unitId}\u0000${s.step}\u0000${untrue ? 'u' : ''}`;

/**
 * Reads a run's rows `SCAN` at a time (one slice per page) into a list of distinct keys in the
 * order each first appears, `first` being the id of that first row and `ids` those of all its
 * rows (a number each: a page then reads exactly its rows); undefined until complete.
 */
export async function scanned<R extends { id: number }>(
  memo: Map<string, unknown>,
  name: string,
  from: number,
  read: (after: number) => Promise<R[]>,
  key: (r: R) => string,
): Promise<Array<R & { first: number; ids: number[] }> | undefined> {
  const state = (memo.get(name) as { after: number; seen: Map<string, R & { first: number; ids: number[] }>; done: boolean } | undefined) ?? { after: from, seen: new Map(), done: false };
  memo.set(name, state);
  if (state.done) return [...state.seen.values()];
  const rows = await read(state.after);
  for (const r of rows) {
    const k = key(r);
    const seen = state.seen.get(k);
    if (seen) seen.ids.push(r.id);
    else state.seen.set(k, { ...r, first: r.id, ids: [r.id] });
  }
  state.after = rows.at(-1)?.id ?? state.after;
  state.done = rows.length < SCAN;
  return undefined;
}

function itemFor(ctx: JobContext, task: ChaseLineTask, row: ChaseRow, headsOf: (u: string) => string[]): ChaseItem {
  if (row.kind === 'unacked') return unackedLine(ctx, task, row.unitId);
  if (row.kind === 'warning') return warningLine(ctx, task);
  const n = row.chaseNo ?? task.chaseCount;
  // The steps of this run are announced after the messages, so the task's step is still the one before it.
  const step = stepForChase(task, n);
  const lead = row.unitId === task.leadUnitId;
  const heads = lead && (step ?? task.ladderStep) >= 2 && !task.climbStoppedAt ? headsOf(task.leadUnitId).filter((id) => !isLeader(ctx.directory.person(id))) : [];
  const overdueDays = daysBetween(task.deadline, ctx.today);
  const line = `${task.code} ${task.title}｜${formatDateShortCn(task.deadline)}到期，逾期 ${overdueDays} 天｜第 ${n} 次催办${stepTail(task, step)}`;
  return { section: '逾期催办', line, alsoMention: heads, sortKey: task.deadline };
}

/** What the chase line adds about the ladder: only what has happened, never a decision nobody took. */
function stepTail(task: ChaseLineTask, step: number | undefined): string {
  if (task.accountabilityAt) return '（经省政府同意移交纪检监察机关）';
  if (task.climbStoppedAt) return '';
  if (step === 1) return '，予以督查室通报，记入日常考核工作台账';
  if (step === 2) return '，予以办公厅通报，请单位主要负责人作出说明并提出整改落实措施';
  if (step === 3) return '，列入拟移交名单，由督查室、秘书长研究';
  if (task.proposal === 'proposed') return '（拟移交，待省政府决定）';
  if (task.proposal === 'listed') return '（已列入拟移交名单）';
  return '';
}

/** Index of the first entry whose `first` is after `after` (entries are in `first` order). */
export function firstAfter(xs: ReadonlyArray<{ first: number }>, after: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as { first: number }).first <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
