import type { ChaseStepRow, NoticeTask } from '../../storage/scheduling-repositories.js';
import type { StepReach } from '../../storage/ladder-repositories.js';
import type { LadderStep, LadderTrigger } from '../domain/ladder.js';
import { headsLookup } from '../domain/people-state.js';
import { issueNotice } from '../domain/actions/ladder-step.js';
import { isoShanghai } from '../time/shanghai.js';
import { stepNotice, type StepReached } from './ladder-notices.js';
import { budget, type ChaseCursor, firstAfter, groupKey, SCAN, scanned } from './chase-pages.js';
import type { JobContext } from './job.js';

/** 通报 groups recorded and posted in one round of a page (64 posted notices held a page 40–60 ms). */
const BATCH = 16;
/**
 * Step rows recorded in one round of a page: recording a step writes its ledger event, its audit
 * record and the task's step (about 0.12 ms a row at full size); 250 rows held a page 40–60 ms.
 */
export const NOTICE_ROWS = 100;

/** A 通报 group (chat, unit, step, 复核不实 or not) as the run's scan learnt it: its first row and all its rows' ids. */
type Group = ChaseStepRow & { first: number; ids: number[] };

interface Run {
  date: string;
  at: string;
  job: string;
}

/**
 * One page of 通报. The first pages only scan the run's step rows, a slice at a time, to learn
 * the groups and each group's row ids; then each round of a page does one of three things:
 * records up to BATCH small groups whole (each takes its number, its steps are recorded, its
 * notice posted); records a slice of one large group (its number taken with the first slice and
 * kept in the cursor); or posts the notice of a large group whose steps are all recorded. Every
 * round reads its step rows by id, only those it records. True when the last group is done.
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
  const rows = Math.max(1, Math.min(size, NOTICE_ROWS));
  let headsOf: ((u: string) => string[]) | undefined;
  const heads = async () => (headsOf ??= await headsLookup(ctx.repos, ctx.directory, ctx.today));
  const run: Run = { date: ctx.today, at: isoShanghai(ctx.now), job: `${ctx.occurrence.job}:${ctx.occurrence.period}` };
  while (firstAfter(all, c.after) < all.length && b.left()) {
    const i = firstAfter(all, c.after);
    const g = all[i] as Group;
    if (c.owed) b.spend(await postOwed(ctx, c, g, rows, memo, await heads()));
    else if (c.within || g.ids.length > rows) b.spend(await sliceOfGroup(ctx, c, g, rows, run, memo));
    else b.spend(await wholeGroups(ctx, c, all, i, rows, run, await heads()));
  }
  return firstAfter(all, c.after) >= all.length;
}

/**
 * Small groups from `all[i]` on, as many as `size` rows hold (at least one, none to be sliced):
 * recorded whole (consecutive groups of the same step in one call, a few statements) and their
 * notices posted. Returns the rows recorded.
 */
async function wholeGroups(ctx: JobContext, c: ChaseCursor, all: readonly Group[], i: number, size: number, run: Run, headsOf: (u: string) => string[]): Promise<number> {
  const groups: Group[] = [];
  for (let j = i, n = 0; j < all.length && groups.length < BATCH; j++) {
    const g = all[j] as Group;
    if (groups.length > 0 && (g.ids.length > size || n + g.ids.length > size)) break;
    n += g.ids.length;
    groups.push(g);
  }
  const byGroup = new Map<string, ChaseStepRow[]>();
  for (const s of await ctx.repos.chases.stepsById(groups.flatMap((g) => g.ids))) {
    const k = groupKey(s, s.trigger === 'untrue');
    const xs = byGroup.get(k);
    if (xs) xs.push(s);
    else byGroup.set(k, [s]);
  }
  const whole = groups.map((g) => ({ g, rows: byGroup.get(groupKey(g, g.trigger === 'untrue')) ?? [] }));
  const tasks = await tasksOf(
    ctx,
    whole.flatMap((w) => w.rows),
  );
  const notices: Array<{ g: Group; notice: string; rows: ChaseStepRow[] }> = [];
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
  return Math.max(
    1,
    whole.reduce((n, w) => n + w.rows.length, 0),
  );
}

/**
 * The next slice of one large group's steps, recorded; its notice number is taken with the first
 * slice and kept in the cursor. After the last slice the notice is owed (posted by `postOwed`).
 * The rows and tasks read are kept for the notice. Returns the rows recorded.
 */
async function sliceOfGroup(ctx: JobContext, c: ChaseCursor, g: Group, size: number, run: Run, memo: Map<string, unknown>): Promise<number> {
  const ids = g.ids.filter((id) => id > (c.within ?? 0)).slice(0, size);
  const part = await ctx.repos.chases.stepsById(ids);
  const tasks = await tasksOf(ctx, part);
  if (g.step !== 3 && !c.notice) c.notice = await issueNotice(ctx, g.step);
  if (c.notice) keep(memo, c.notice, part, tasks);
  await ctx.repos.ladder.reachSteps(g.step, reaches(g, part, tasks, c.notice), { ...run, notice: c.notice });
  c.within = ids.at(-1) ?? c.within;
  if ((c.within ?? 0) >= (g.ids.at(-1) ?? 0)) {
    // Step 3 issues no notice: the group is done.
    if (c.notice) c.owed = true;
    else Object.assign(c, { after: g.first, within: 0 });
  }
  return Math.max(1, ids.length);
}

/** What a large group's notice will list, gathered by its slices (a resumed run reads what it lacks). */
interface Gathered {
  /** By row id; undefined: asked for and not found (none is deleted, but none is asked for twice). */
  rows: Map<number, ChaseStepRow | undefined>;
  tasks: Map<number, NoticeTask>;
}

/** What the memo has gathered for `notice` (empty at first, or after a restart). */
function gathered(memo: Map<string, unknown>, notice: string): Gathered {
  const key = gatheredKey(notice);
  const g = (memo.get(key) as Gathered | undefined) ?? { rows: new Map(), tasks: new Map() };
  memo.set(key, g);
  return g;
}

const gatheredKey = (notice: string) => `notice\u0000${notice}`;

function keep(memo: Map<string, unknown>, notice: string, rows: readonly ChaseStepRow[], tasks: Map<number, NoticeTask>): void {
  const g = gathered(memo, notice);
  for (const r of rows) g.rows.set(r.id, r);
  for (const [id, t] of tasks) g.tasks.set(id, t);
}

/**
 * The notice of a large group whose steps are all recorded, from the rows and tasks its slices
 * read (900 rows and their tasks read again held a page 35–45 ms). A resumed run, which lost
 * them, reads what it lacks a page of rows at a time first. Returns the rows read or posted.
 */
async function postOwed(ctx: JobContext, c: ChaseCursor, g: Group, size: number, memo: Map<string, unknown>, headsOf: (u: string) => string[]): Promise<number> {
  if (!c.notice) {
    Object.assign(c, { after: g.first, within: 0, owed: undefined });
    return 1;
  }
  const had = gathered(memo, c.notice);
  const lacking = g.ids.filter((id) => !had.rows.has(id)).slice(0, size);
  if (lacking.length > 0) {
    for (const id of lacking) had.rows.set(id, undefined);
    const rows = await ctx.repos.chases.stepsById(lacking);
    keep(memo, c.notice, rows, await tasksOf(ctx, rows));
    return lacking.length;
  }
  const rows = g.ids.map((id) => had.rows.get(id)).filter((r): r is ChaseStepRow => r !== undefined);
  await postNotice(ctx, g, c.notice, rows, had.tasks, headsOf);
  c.n.notices += 1;
  memo.delete(gatheredKey(c.notice));
  Object.assign(c, { after: g.first, within: 0, notice: undefined, owed: undefined });
  return Math.max(1, rows.length);
}

async function tasksOf(ctx: JobContext, rows: readonly ChaseStepRow[]): Promise<Map<number, NoticeTask>> {
  return new Map((await ctx.repos.chases.noticeTasks([...new Set(rows.map((s) => s.taskId))])).map((t) => [t.id, t]));
}

/** What a group's steps record: each reached once (each 复核不实 is recorded), the task's step raised as it goes. */
function reaches(g: Group, rows: readonly ChaseStepRow[], tasks: Map<number, NoticeTask>, notice: string | undefined): StepReach[] {
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

async function postNotice(ctx: JobContext, g: Group, notice: string, rows: readonly ChaseStepRow[], tasks: Map<number, NoticeTask>, headsOf: (u: string) => string[]): Promise<void> {
  const reached: StepReached[] = [];
  for (const s of rows) {
    const task = tasks.get(s.taskId);
    if (task) reached.push({ task, step: s.step as LadderStep, trigger: s.trigger as LadderTrigger, target: { platform: s.platform, targetKind: 'chat', targetId: s.chatId } });
  }
  if (reached.length > 0) await ctx.post(reached[0]?.target ?? { platform: g.platform, targetKind: 'chat', targetId: g.chatId }, stepNotice(ctx, notice, reached, headsOf));
}
