import type { Reply } from '../core/reply.js';
import { isLeader, LEADER_ROLES } from '../domain/ladder.js';
import { assigningLeader } from '../domain/actions/explain.js';
import { isOpen, type Task } from '../domain/task.js';
import { formatDateCn, formatDateShortCn, instantAt, isoShanghai } from '../time/shanghai.js';
import type { JobContext, JobDefinition } from './job.js';
import { leaderOwnSections } from './leader-digest-own.js';
import { pausedTaskIds } from './chase-other.js';
import { CHASE_SECTIONS } from '../texts/chase.js';

const ORDER = ['待您决定', '待您审批', '待您协调', '待您确认表态', '单位说明', '须向您作出说明', '您承办的事项', CHASE_SECTIONS.unitUnsigned, '办结待阅', '拟移交名单', '待审批申请', '待认定的说明'];

/** Lines per person and section, built up over one run. */
class Digest {
  readonly byPerson = new Map<string, Map<string, string[]>>();
  add(personId: string, section: string, line: string): void {
    const sections = this.byPerson.get(personId) ?? new Map<string, string[]>();
    sections.set(section, [...(sections.get(section) ?? []), line]);
    this.byPerson.set(personId, sections);
  }
}

/**
 * 专报 (B三(三), B四(六)): leaders (主要领导, 分管领导, 秘书长) and the 督查室 get one short
 * one-to-one message on a working day when something needs them: an approval waiting, a
 * 拟移交 to decide or to propose, an explanation owed or delivered, a coordination to answer,
 * their own or their unit's work that group chasing would otherwise @ them for, a completion
 * to read. Each line carries the
 * exact command to answer with. At most once a working day (one run per day), and nothing
 * when nothing is waiting.
 */
export const leaderDigest: JobDefinition = {
  name: 'leader-digest',
  label: '督办专报（领导、督查室）',
  kind: 'chase',
  timeOn: (date, cal, s) => (cal.isWorkingDay(date) ? s.chaseTime : undefined),
  period: (date) => date,
  async run(ctx) {
    const d = new Digest();
    const office = ctx.directory.withRole('督查室').map((p) => p.id);
    const secretaries = ctx.directory.withRole('秘书长').map((p) => p.id);
    const task = cachedTasks(ctx);
    await requests(ctx, d, office, task);
    await proposals(ctx, d, [...office, ...secretaries], task);
    await explanations(ctx, d, office, task);
    await leaderOwnSections(ctx, (id, section, line) => d.add(id, section, line), await pausedTaskIds(ctx));
    let sent = 0;
    for (const [personId, sections] of d.byPerson) {
      const lines: string[] = [];
      for (const s of ORDER) {
        const items = sections.get(s);
        if (items && items.length > 0) lines.push(`【${s}】`, ...items);
      }
      const reply: Reply = { tone: 'info', title: `督办专报 · ${formatDateCn(ctx.today, ctx.today)}`, lines };
      if ((await ctx.postToPerson(personId, reply)) > 0) sent += 1;
    }
    return { detail: `专报 ${sent} 人` };
  },
};

function cachedTasks(ctx: JobContext): (id: number) => Promise<Task | undefined> {
  const cache = new Map<number, Task | undefined>();
  return async (id) => {
    if (!cache.has(id)) cache.set(id, await ctx.repos.tasks.findById(id));
    return cache.get(id);
  };
}

/** Undecided 延期 / 难以执行: to the approver if a leader, and one line each in the office's digest. */
async function requests(ctx: JobContext, d: Digest, office: string[], task: (id: number) => Promise<Task | undefined>): Promise<void> {
  for (const r of await ctx.repos.requests.allPending()) {
    const t = await task(r.taskId);
    if (!t) continue;
    const late = r.answerDue < ctx.today ? '，已超过' : '';
    const what = r.kind === 'extension' ? `延期申请（至 ${formatDateShortCn(r.proposedDeadline ?? '')}）` : '难以执行反馈';
    const approver = ctx.directory.person(t.assignerId);
    const how = r.kind === 'extension' ? `请审批：回复「批准延期 ${t.code}」或「驳回延期 ${t.code} 理由」` : `请答复：回复「答复 ${t.code} 继续执行」（或 暂缓执行、按新的办法执行）`;
    if (isLeader(approver)) d.add(t.assignerId, '待您审批', `${t.code} ${t.title}｜${what}：${r.reason}｜${how}`);
    for (const id of office) {
      d.add(
        id,
        '待审批申请',
        `${t.code} ${t.title}｜${what}待${office.includes(t.assignerId) ? '' : ` ${ctx.directory.label(t.assignerId)} 或`}督查室审批，答复时限 ${formatDateShortCn(r.answerDue)}${late}；暂停催办。${isLeader(approver) ? '' : how}`,
      );
    }
  }
}

/** The 拟移交 list to the 督查室 and 秘书长; proposals to the leader who decides. */
async function proposals(ctx: JobContext, d: Digest, proposers: string[], task: (id: number) => Promise<Task | undefined>): Promise<void> {
  for (const p of await ctx.repos.ladder.openProposals()) {
    const t = await task(p.taskId);
    if (!t) continue;
    const unit = ctx.directory.unitName(t.leadUnitId);
    if (p.status === 'listed') {
      // Work completed since it was listed is no longer for the office to propose.
      if (!isOpen(t)) continue;
      // What the ledger holds of the unit's explanation, never a judgment of it.
      const explained = (await ctx.repos.ladder.notesForTask(t.id)).filter((n) => n.kind === 'explanation').at(-1);
      const said = explained ? `单位已于 ${formatDateShortCn(explained.date)} 作出说明，督查室尚未认定属实` : '单位尚未作出说明';
      const line = `${t.code} ${t.title}｜${unit}｜被催办 ${t.chaseCount} 次，${said}｜如提请移交，回复「拟移交 ${t.code} 理由」`;
      for (const id of new Set(proposers)) d.add(id, '拟移交名单', line);
    } else if (p.approverId) {
      d.add(
        p.approverId,
        '待您决定',
        `${t.code} ${t.title}｜${unit}｜${ctx.directory.personName(p.proposedBy ?? '')}提请移交纪检监察机关，理由：${p.reason ?? ''}｜请决定：回复「同意移交 ${t.code}」或「不予移交 ${t.code} 理由」`,
      );
    }
  }
}

/** Explanations recorded since the last 专报, and explanations newly owed (step 2 reached this morning). */
async function explanations(ctx: JobContext, d: Digest, office: string[], task: (id: number) => Promise<Task | undefined>): Promise<void> {
  // An explanation the office accepted before any 专报 went out still reaches the leader once.
  const since = isoShanghai(instantAt(ctx.calendar.subtractWorkingDays(ctx.today, 1), ctx.schedule.chaseTime));
  for (const n of await ctx.repos.ladder.notes('explanation', ['open', 'accepted'])) {
    if (n.status === 'accepted' && n.at <= since) continue;
    const t = await task(n.taskId);
    if (!t) continue;
    const accepted = n.status === 'accepted' ? '（督查室已认定属实）' : '';
    d.add(n.leaderId, '单位说明', `${t.code} ${t.title}｜${ctx.directory.unitName(t.leadUnitId)} ${ctx.directory.personName(n.authorId)}：${n.text}；整改措施：${n.measures ?? ''}${accepted}`);
    if (accepted) continue;
    for (const id of office) d.add(id, '待认定的说明', `${t.code} ${ctx.directory.personName(n.authorId)} 已向 ${ctx.directory.label(n.leaderId)} 作出说明｜认定属实的，回复「说明属实 ${t.code}」`);
    await ctx.repos.ladder.setNoteStatus(n.id, 'delivered');
  }
  // The digest runs right after the morning chase: today's step-2 events are the new ones.
  for (const e of await ctx.repos.ladder.events({ from: ctx.today, to: ctx.today, minStep: 2 })) {
    if (e.step !== 2) continue;
    const t = await task(e.taskId);
    if (!t) continue;
    const leader = assigningLeader(t, ctx.directory);
    const head = ctx.directory.unitHead(t.leadUnitId);
    if (leader && LEADER_ROLES.some((r) => ctx.directory.person(leader)?.roles.includes(r))) {
      d.add(
        leader,
        '须向您作出说明',
        `${t.code} ${t.title}｜${e.notice ?? '办公厅通报'}，${ctx.directory.unitName(t.leadUnitId)}主要负责人${head ? ` ${head.name}` : ''}须向您作出说明并提出整改落实措施`,
      );
    }
  }
}
