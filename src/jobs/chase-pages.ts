import type { ChaseEntry, ChaseLineTask, ChaseRecipient, ChaseRow, ChaseStepGroup, ChaseStepRow, NoticeTask, RecipientRow } from '../../storage/scheduling-repositories.js';
import type { StepReach } from '../../storage/ladder-repositories.js';
import type { LadderStep, LadderTrigger } from '../domain/ladder.js';
import { isLeader } from '../domain/ladder.js';
import { headsLookup } from '../domain/people-state.js';
import { issueNotice, stepForChase } from '../domain/actions/ladder-step.js';
import { daysBetween, formatDateCn, formatDateShortCn, isoShanghai } from '../time/shanghai.js';
import { postChaseMessage, type ChaseItem } from './chase-messages.js';
import { unackedLine, warningLine } from './chase-other.js';
import { stepNotice, type StepReached } from './ladder-notices.js';
import type { JobContext } from './job.js';

/** Where a daily chase run stands; written with every page. */
export interface ChaseCursor {
  phase: 'overdue' | 'unacked' | 'letters' | 'notices';
  /** The last task id, recipient or notice group done in this phase. */
  after: number;
  /** Within the notice group being announced: the last step row done, and the notice's number. */
  within?: number;
  notice?: string;
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
const SCAN = 800;

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

/** 通报 groups read back in one statement, and posted in one page (64 posted notices held a page 40–60 ms). */
const BATCH = 16;

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
  for (let i = firstAfter(all, c.after); i < all.length && b.left(); ) {
    // People in order until the page's rows are reached (at least one person).
    const batch: Array<ChaseRecipient & { ids: number[] }> = [];
    let rowsIn = 0;
    for (let j = i; j < all.length && (batch.length === 0 || rowsIn + (all[j]?.ids.length ?? 0) <= size); j++) {
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
const groupKey = (s: { platform: string; chatId: string; unitId: string; step: number }, untrue: boolean) => `${s.platform}\u0000${s.chatId}\u0000${s.unitId}\u0000${s.step}\u0000${untrue ? 'u' : ''}`;

/**
 * One page of 通报, for up to BATCH groups (chat, unit, step) read in one statement: each group
 * takes its notice number, its steps are recorded (consecutive groups of the same step in one
 * call, a few statements), and its notice is posted. A group larger than what is left of the
 * page is recorded a slice at a time, its notice number kept in the cursor, and posted with its
 * last slice. True when the last group is done.
 */
export async function noticesPage(ctx: JobContext, c: ChaseCursor, size: number, memo: Map<string, unknown>): Promise<boolean> {
  const all = await scanned(
    memo,
    'groups',
    c.steps,
    (after) => ctx.repos.chases.stepRows(ctx.occurrence.period, after, SCAN),
    (s) => groupKey(s, s.trigger === 'untrue'),
  );
  if (!all) return false;
  const b = budget(size);
  let headsOf: ((u: string) => string[]) | undefined;
  const run = { date: ctx.today, at: isoShanghai(ctx.now), job: `${ctx.occurrence.job}:${ctx.occurrence.period}` };
  while (firstAfter(all, c.after) < all.length && b.left()) {
    const i = firstAfter(all, c.after);
    // As many groups as the page's rows hold (at least one): the scan knows each group's rows, and
    // reading 64 groups' rows for a page that records only the first of them read tens of
    // thousands of rows per page at full size.
    const left = Math.max(1, size);
    const groups: ChaseStepGroup[] = [];
    for (let j = i, rows = 0; j < all.length && groups.length < BATCH; j++) {
      const first = all[j] as (typeof all)[number];
      if (groups.length > 0 && rows + first.ids.length > left) break;
      rows += first.ids.length;
      groups.push({ platform: first.platform, chatId: first.chatId, unitId: first.unitId, step: first.step, untrue: first.trigger === 'untrue', first: first.first });
    }
    const byGroup = new Map<string, ChaseStepRow[]>();
    for (const s of await ctx.repos.chases.stepsIn(ctx.occurrence.period, c.steps, groups)) {
      const k = groupKey(s, s.trigger === 'untrue');
      const xs = byGroup.get(k);
      if (xs) xs.push(s);
      else byGroup.set(k, [s]);
    }
    // The groups done whole on this page, or the one group to slice.
    const whole: Array<{ g: ChaseStepGroup; rows: ChaseStepRow[] }> = [];
    let units = 0;
    for (const g of groups) {
      const rows = byGroup.get(groupKey(g, g.untrue)) ?? [];
      const todo = rows.filter((s) => s.id > (c.within ?? 0)).length;
      if (c.within || todo > left) {
        if (whole.length === 0) {
          headsOf ??= await headsLookup(ctx.repos, ctx.directory, ctx.today);
          if (!(await sliceOfGroup(ctx, c, g, rows, left, headsOf, run))) return false;
          b.spend(todo);
        }
        break;
      }
      if (whole.length > 0 && units + rows.length > left) break;
      whole.push({ g, rows });
      units += rows.length;
    }
    if (whole.length === 0) continue;
    const tasks = new Map((await ctx.repos.chases.noticeTasks([...new Set(whole.flatMap((w) => w.rows.map((s) => s.taskId)))])).map((t) => [t.id, t]));
    headsOf ??= await headsLookup(ctx.repos, ctx.directory, ctx.today);
    const notices: Array<{ g: ChaseStepGroup; notice: string; rows: ChaseStepRow[] }> = [];
    let pending: { step: 1 | 2 | 3; items: StepReach[] } | undefined;
    for (const { g, rows } of whole) {
      const notice = g.step !== 3 ? await issueNotice(ctx, g.step) : undefined;
      const items = reaches(g, rows, tasks, notice);
      if (pending && pending.step !== g.step) {
        await ctx.repos.ladder.reachSteps(pending.step, pending.items, run);
        pending = undefined;
      }
      pending ??= { step: g.step, items: [] };
      pending.items.push(...items);
      if (notice) notices.push({ g, notice, rows });
      c.after = g.first;
    }
    if (pending) await ctx.repos.ladder.reachSteps(pending.step, pending.items, run);
    for (const { g, notice, rows } of notices) await postNotice(ctx, g, notice, rows, tasks, headsOf);
    c.n.notices += notices.length;
    b.spend(units);
  }
  return firstAfter(all, c.after) >= all.length;
}

/** What a group's steps record: each reached once (each 复核不实 is recorded), the task's step raised as it goes. */
function reaches(g: ChaseStepGroup, rows: readonly ChaseStepRow[], tasks: Map<number, NoticeTask>, notice: string | undefined): StepReach[] {
  const items: StepReach[] = [];
  for (const s of rows) {
    const task = tasks.get(s.taskId);
    const trigger = s.trigger as LadderTrigger;
    // As reachStep: a step is reached once, except that each 复核不实 is recorded.
    if (!task || (g.step <= task.ladderStep && trigger !== 'untrue')) continue;
    items.push({ taskId: task.id, rootId: task.parentId ?? task.id, unitId: task.leadUnitId, trigger, notice, details: JSON.stringify({ step: g.step, trigger, notice }) });
    if (g.step > task.ladderStep) task.ladderStep = g.step;
  }
  return items;
}

async function postNotice(ctx: JobContext, g: ChaseStepGroup, notice: string, rows: readonly ChaseStepRow[], tasks: Map<number, NoticeTask>, headsOf: (u: string) => string[]): Promise<void> {
  const reached: StepReached[] = [];
  for (const s of rows) {
    const task = tasks.get(s.taskId);
    if (task) reached.push({ task, step: s.step as LadderStep, trigger: s.trigger as LadderTrigger, target: { platform: s.platform, targetKind: 'chat', targetId: s.chatId } });
  }
  if (reached.length > 0) await ctx.post(reached[0]?.target ?? { platform: g.platform, targetKind: 'chat', targetId: g.chatId }, stepNotice(ctx, notice, reached, headsOf));
}

/**
 * A slice of one large group's steps; its notice number is taken first and kept in the cursor,
 * and the notice posted with the last slice. True when the group is done.
 */
async function sliceOfGroup(
  ctx: JobContext,
  c: ChaseCursor,
  g: ChaseStepGroup,
  rows: readonly ChaseStepRow[],
  size: number,
  headsOf: (u: string) => string[],
  run: { date: string; at: string; job: string },
): Promise<boolean> {
  const todo = rows.filter((s) => s.id > (c.within ?? 0));
  const part = todo.slice(0, Math.max(1, size));
  const tasks = new Map((await ctx.repos.chases.noticeTasks([...new Set(part.map((s) => s.taskId))])).map((t) => [t.id, t]));
  if (g.step !== 3 && !c.notice) c.notice = await issueNotice(ctx, g.step);
  await ctx.repos.ladder.reachSteps(g.step, reaches(g, part, tasks, c.notice), { ...run, notice: c.notice });
  c.within = part.at(-1)?.id ?? c.within;
  if (part.length < todo.length) return false;
  if (c.notice) {
    // The tasks of this page are current; those of earlier pages are read again.
    const earlier = rows.filter((s) => !tasks.has(s.taskId)).map((s) => s.taskId);
    for (const t of await ctx.repos.chases.noticeTasks(earlier)) tasks.set(t.id, t);
    await postNotice(ctx, g, c.notice, rows, tasks, headsOf);
    c.n.notices += 1;
  }
  Object.assign(c, { after: g.first, within: 0, notice: undefined });
  return true;
}

/**
 * Reads a run's rows `SCAN` at a time (one slice per page) into a list of distinct keys in the
 * order each first appears, `first` being the id of that first row and `ids` those of all its
 * rows (a number each: a page then reads exactly its rows); undefined until complete.
 */
async function scanned<R extends { id: number }>(
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
  if (task.accountabilityAt) return '（经省政府同意，已移交纪检监察机关）';
  if (task.climbStoppedAt) return '';
  if (step === 1) return '，予以督查室通报，记入日常考核工作台账';
  if (step === 2) return '，予以办公厅通报，请单位主要负责人作出说明并提出整改落实措施';
  if (step === 3) return '，列入拟移交名单，由督查室、秘书长研究';
  if (task.proposal === 'proposed') return '（拟移交，待省政府决定）';
  if (task.proposal === 'listed') return '（已列入拟移交名单）';
  return '';
}

/** Index of the first entry whose `first` is after `after` (entries are in `first` order). */
function firstAfter(xs: ReadonlyArray<{ first: number }>, after: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as { first: number }).first <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
