import type { Directory } from '../directory/directory.js';
import { addDays, daysBetween, type LocalDate } from '../time/shanghai.js';
import type { Period } from '../calendar/periods.js';
import type { AskedForm, Conditions, Reading, ReadResult, Subject } from './reading.js';
import type { Slots } from './slots.js';
import { conditionsOf } from './build-conditions.js';
import type { Relation } from './vocabulary.js';

/** Task codes answered together in one message (a line each). */
const MAX_CODES = 10;

/** A time slot as a period of at most `maxDays` (from today when it has no start), else undefined. */
function periodWithin(t: { from?: LocalDate; to: LocalDate; label: string }, today: LocalDate, maxDays: number): { from: LocalDate; to: LocalDate; label: string } | undefined {
  const from = t.from ?? today;
  const days = daysBetween(from, t.to);
  return days >= 0 && days <= maxDays ? { from, to: t.to, label: t.label } : undefined;
}

/** Turns filled slots into one reading, keeping track of every word it could not use. */
export function buildReading(s: Slots, directory: Directory, today: LocalDate): ReadResult {
  const out: ReadResult = { unknownNames: s.unknownNames, ignored: s.ignored, corrected: s.corrected, ...(s.why ? { why: true } : {}) };
  const code = s.codes[0];
  if (code) {
    const tasks = [...new Set(s.codes.filter((c) => !c.coordination).map((c) => c.code))];
    // Several tasks asked about together are answered together, a line each; a coordination item is one answer of its own.
    const first = !code.coordination && tasks.length > 1 ? tasks.slice(0, MAX_CODES) : [code.code];
    out.reading = code.coordination ? { kind: 'coordination', code: code.code } : first.length > 1 ? { kind: 'tasks', codes: first } : { kind: 'task', code: code.code };
    // The others are named, not dropped.
    const coordinations = new Set(s.codes.filter((c) => c.coordination).map((c) => c.code));
    const others = [...new Set(s.codes.map((c) => c.code))].filter((c) => !first.includes(c));
    const why = (c: string) => (code.coordination ? '一次查询一件' : coordinations.has(c) ? '协调事项请单独查询' : `一次最多查询 ${MAX_CODES} 件`);
    out.ignored.push(...others.map((c) => `${c}（${why(c)}）`));
    return out;
  }
  if (s.deployment) out.ignored.push(`${s.deployment}（布置落实情况不单列，以上为事项办理情况；每件的部署报告见单件记录，如「D-0001 怎么样了」）`);
  // 谁在请假, 郑晓东在不在, 发改委明天谁请假: who is away on one day (of a unit, or one person).
  if (s.absence && s.statuses.length === 0 && !s.coordination) {
    const t = s.times[0];
    // A day or a period of up to a year (下周谁请假, 今年谁请过假), not 最近…; from today on when it has no start.
    const period = t && t.kind !== 'recent' ? periodWithin(t, today, 366) : undefined;
    if (t && !period) out.ignored.push(`${t.label}（请假情况按一年内的某天或某一时段查询）`);
    const subject = subjectOf(s, directory, out.ignored);
    out.reading = {
      kind: 'absences',
      from: period?.from ?? today,
      to: period?.to ?? today,
      label: period?.label ?? '今天',
      ...(subject.kind === 'person' ? { personId: subject.personId } : {}),
      ...(subject.kind === 'unit' ? { unitId: subject.unitId } : {}),
      ...(subject.kind === 'me' ? { me: true } : {}),
      ...(subject.kind === 'my_unit' ? { myUnit: true } : {}),
    };
    return out;
  }
  // 今天有什么新进展, 发改委本周报了哪些进展: the reports (进展, 办结) made in a period (the last 7 days unless one is named).
  // 我交办的事有什么新进展: the reports on work the asker assigned (or made himself).
  const assignedByMe = s.me && s.statuses.length > 0 && s.statuses.every((x) => x.status === 'assigned' && !x.negated);
  if (s.activity && (s.statuses.length === 0 || assignedByMe) && !s.coordination && !s.absence) {
    const t = s.times[0];
    const period = t ? periodWithin(t, today, 92) : undefined;
    if (t && !period) out.ignored.push(`${t.label}（进展按一个季度内的某天或某一时段查询）`);
    for (const [asked, word] of [
      [s.key, '重点'],
      [s.urgent, '紧急'],
      [s.sources.length > 0, '来源'],
      [s.extended, '延期'],
    ] as const) {
      if (asked) out.ignored.push(`${word}（进展按单位或个人查询）`);
    }
    // No time named: the last 7 days, which the title states.
    const asked = period ?? (t ? { from: today, to: today, label: '今天' } : { from: addDays(today, -6), to: today, label: '最近7天' });
    out.reading = { kind: 'activity', ...asked, subject: subjectOf(s, directory, out.ignored) };
    return out;
  }
  // 今年有几个单位被告诫, 海州市被告诫了吗: the 效能告诫 register of a year, of one unit or all.
  if (s.warning) {
    const t = s.times[0];
    const wholeYear = t?.kind === 'period' && t.from?.endsWith('-01-01') && t.to?.endsWith('-12-31') && t.from.slice(0, 4) === t.to.slice(0, 4);
    if (t && !wholeYear) out.ignored.push(`${t.label}（告诫台账按年度查询）`);
    const subject = subjectOf(s, directory, out.ignored);
    if (subject.kind === 'person' || subject.kind === 'me' || subject.kind === 'my_unit') out.ignored.push('人员或本单位（告诫台账按单位名称查询，如「海州市被告诫了吗」）');
    out.reading = { kind: 'warnings', ...(wholeYear && t?.from ? { year: Number(t.from.slice(0, 4)) } : {}), ...(subject.kind === 'unit' ? { unitId: subject.unitId } : {}) };
    return out;
  }
  if (s.help && s.statuses.length === 0 && s.units.length === 0 && s.persons.length === 0) {
    out.reading = { kind: 'help' };
    return out;
  }
  const subject = subjectOf(s, directory, out.ignored);
  const cond = conditionsOf(s, today, out.ignored);
  // A negation that went unread would turn the question into its opposite: better not to answer.
  if (s.lostNegation) return out;
  const hasCond = Object.keys(cond).length > 0;
  const period = s.times[0]?.kind === 'period' ? (s.times[0] as Period) : undefined;
  const overdueAsked = s.statuses.some((x) => x.status === 'overdue' && !x.negated);

  // 还有哪些协调没办完: coordination items, which are only ever listed while not yet agreed.
  if (s.coordination) {
    if (s.coordinationAgreed || s.statuses.some((x) => x.status === 'done' && !x.negated)) out.ignored.push('已协调一致的（只列出尚未协调一致的协调事项）');
    // Whose: a unit (requesting or asked), 我单位, a person or 我 (handling, owning or requesting it); never dropped.
    const whose =
      subject.kind === 'unit'
        ? { unitId: subject.unitId }
        : subject.kind === 'person'
          ? { personId: subject.personId }
          : subject.kind === 'me'
            ? { me: true }
            : subject.kind === 'my_unit'
              ? { myUnit: true }
              : {};
    out.reading = { kind: 'coordinations', ...whose, count: s.forms.has('count') };
    return out;
  }
  // 发改委被催办了几次: the chases are counted in the tally; a unit's line gives its own.
  if (s.chase && s.statuses.length === 0 && s.ranks.length === 0 && !s.forms.has('list')) {
    if (subject.kind === 'unit') out.reading = { kind: 'rank', which: 'chases', period, unitId: subject.unitId };
    else if (subject.kind === 'my_unit') out.reading = { kind: 'rank', which: 'chases', period };
    else if (subject.kind === 'all') out.reading = { kind: 'tally', period };
    if (out.reading) return out;
  }
  // Work picked by its chases (被催办的有哪些) is not a condition the reader knows: said, not dropped.
  if (s.chase) out.ignored.push('被催办');
  const rank = rankOf(s, subject, overdueAsked);
  if (rank) {
    out.reading = { kind: 'rank', which: rank, period, unitId: subject.kind === 'unit' ? subject.unitId : undefined, ...(s.covered ? { covered: true } : {}) };
    if (s.times.length > 0 && !period) out.ignored.push('时间（排名按整段时期统计）');
    return out;
  }
  if (s.ranks.length > 0) out.ignored.push(...s.ranks.map((r) => RANK_WORD[r]));
  if (s.tally && subject.kind === 'all' && !hasCondBesidesTime(cond)) {
    out.reading = { kind: 'tally', period };
    return out;
  }
  const understood = subject.kind !== 'all' || s.all || s.statuses.length > 0 || s.negatedVerb || s.forms.has('longest') || hasCondBesidesTime(cond) || (hasCond && s.forms.size > 0) || s.tally;
  if (!understood) return out;
  // 我明天请假: a bare 我 (or a time) beside words the reader does not know is not a question about the ledger.
  const bare = s.statuses.length === 0 && !s.negatedVerb && s.forms.size === 0 && s.relations.length === 0 && !s.tally;
  if (bare && out.ignored.length > 0 && (subject.kind === 'me' || subject.kind === 'my_unit' || subject.kind === 'all')) return out;
  const relation = relationOf(s, subject);
  let form: AskedForm = formOf(s, cond, hasCond);
  if (form === 'longest' && cond.overdue === undefined) cond.overdue = true;
  if (form === 'all_done' && cond.state === 'done') delete cond.state;
  if (form === 'all_done') delete cond.stateLabel;
  if (form === 'all_acked') delete cond.acked;
  if (form === 'overview' && relation) form = 'list';
  out.reading = { kind: 'list', subject, relation, cond, form, ...(s.who ? { who: true } : {}) };
  return out;
}

const RANK_WORD = { worst: '最差', best: '最好', most: '最多', least: '最少', position: '排第几' } as const;

function hasCondBesidesTime(c: Conditions): boolean {
  return (
    c.state !== undefined ||
    c.acked !== undefined ||
    c.overdue !== undefined ||
    c.dueSoon !== undefined ||
    c.deadline !== undefined ||
    c.completed !== undefined ||
    c.key !== undefined ||
    c.urgent !== undefined ||
    c.extended !== undefined ||
    c.verification !== undefined ||
    c.referral !== undefined ||
    c.pendingRequest !== undefined ||
    c.source !== undefined
  );
}

function subjectOf(s: Slots, d: Directory, ignored: string[]): Subject {
  const [person, ...morePeople] = s.persons;
  const [unit, ...moreUnits] = [...new Set(s.units)];
  if (person) {
    ignored.push(...morePeople.map((p) => `${d.personName(p)}（一次查询一人）`));
    const own = d.person(person)?.unitId;
    if (unit && unit !== own) ignored.push(`${d.unitName(unit)}（已按人员查询）`);
    return { kind: 'person', personId: person };
  }
  if (unit) {
    ignored.push(...moreUnits.map((u) => `${d.unitName(u)}（一次查询一个单位）`));
    return { kind: 'unit', unitId: unit };
  }
  if (s.myUnit) return { kind: 'my_unit' };
  if (s.me) return { kind: 'me' };
  return { kind: 'all' };
}

function relationOf(s: Slots, subject: Subject): Relation | undefined {
  const explicit = s.relations.find((r) => r !== 'responsible') ?? s.relations[0];
  const personal = subject.kind === 'person' || subject.kind === 'me';
  const assignedWord = s.statuses.some((x) => x.status === 'assigned' && !x.negated);
  if (personal) {
    if (explicit === 'lead' || explicit === 'co') return 'responsible';
    if (explicit) return explicit;
    return assignedWord ? 'assigned_by' : undefined;
  }
  if (subject.kind === 'unit' || subject.kind === 'my_unit') return explicit === 'lead' || explicit === 'co' ? explicit : undefined;
  return undefined;
}

function rankOf(s: Slots, subject: Subject, overdueAsked: boolean): Extract<Reading, { kind: 'rank' }>['which'] | undefined {
  const r = s.ranks[0];
  if (!r) return undefined;
  if (r === 'position') return subject.kind === 'unit' || subject.kind === 'my_unit' ? 'position' : undefined;
  if (subject.kind !== 'all') return undefined;
  const asksWho = s.who || s.tally || s.statuses.length === 0 || overdueAsked;
  if (!asksWho) return undefined;
  if (r === 'most') return overdueAsked ? 'most_overdue' : undefined;
  if (r === 'least') return overdueAsked ? 'best' : undefined;
  if (s.statuses.length > 0 && !overdueAsked) return undefined;
  return r;
}

function formOf(s: Slots, c: Conditions, hasCond: boolean): AskedForm {
  if (s.forms.has('longest')) return 'longest';
  const doneAsked = c.state === 'done' && c.completed === undefined;
  if (s.forms.has('count')) return 'count';
  if (s.forms.has('list')) return hasCond ? 'list' : 'overview';
  if (doneAsked && (s.forms.has('yes_no') || s.question || s.quantifier)) return 'all_done';
  if (c.acked === true && (s.forms.has('yes_no') || s.question || s.quantifier)) return 'all_acked';
  if (s.forms.has('yes_no') || (s.question && hasCond)) return 'yes_no';
  return hasCond ? 'list' : 'overview';
}
