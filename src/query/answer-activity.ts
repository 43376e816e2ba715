import type { Reply } from '../core/reply.js';
import type { Task } from '../domain/task.js';
import { canSeeTask, scopeOf } from '../domain/visibility.js';
import { addDays, formatSpanCn, shortFromIso, type LocalDate } from '../time/shanghai.js';
import type { QueryContext } from './query-context.js';
import type { Subject } from './reading.js';

/** Reports read for one question (the newest); past it the answer says it counted at least this many. */
const READ_LIMIT = 1000;
/** Lines shown; the earlier ones are counted. */
const SHOWN = 20;

/**
 * 今天有什么新进展, 发改委本周报了哪些进展: the 进展 and 办结 reported in a period, by everyone the
 * asker may see, by one unit or one person, or on the work the asker assigned. What the units
 * wrote is quoted, never judged.
 */
export async function answerActivity(r: { from: LocalDate; to: LocalDate; label: string; subject: Subject }, q: QueryContext): Promise<Reply> {
  const dir = q.directory;
  const start = `${r.from}T00:00:00.000+08:00`;
  const end = `${addDays(r.to, 1)}T00:00:00.000+08:00`;
  const reports = await q.repos.tasks.reportsBetween(start, end, READ_LIMIT);
  const tasks = new Map<number, Task>((await q.repos.tasks.findByIds([...new Set(reports.map((x) => x.taskId))])).map((t) => [t.id, t]));
  const scope = scopeOf(q.actor);
  const s = r.subject;
  const unitId = s.kind === 'unit' ? s.unitId : s.kind === 'my_unit' ? q.actor.unitId : undefined;
  const mine = (t: Task, personId: string) => personId === q.actor.id || t.assignerId === q.actor.id;
  const shown = reports.filter((x) => {
    const t = tasks.get(x.taskId);
    if (!t || !canSeeTask(scope, t)) return false;
    if (s.kind === 'person') return x.personId === s.personId;
    if (s.kind === 'me') return mine(t, x.personId);
    if (unitId !== undefined) return x.unitId === unitId;
    return true;
  });
  const who = s.kind === 'person' ? dir.personName(s.personId) : s.kind === 'me' ? '我交办或报送的事项' : unitId ? dir.unitName(unitId) : scope ? '您可查询的事项' : '全省';
  const when = `${r.label}（${formatSpanCn(r.from, r.to, q.today)}）`;
  const more = reports.length >= READ_LIMIT ? '至少 ' : '';
  const note = '含报送的「进展」和「办结」，按报送原文；签收、交办等不在其中。单件的全部记录请问「D-0001 怎么样了」。';
  if (shown.length === 0) return { tone: 'info', title: `${who} ${when}没有报送进展或办结`, note };
  const line = (x: (typeof shown)[number]) => {
    const t = tasks.get(x.taskId) as Task;
    const what = x.kind === 'result' ? `办结：${x.text}` : `${x.percent !== undefined ? `${x.percent}% ` : ''}${x.text}`;
    return `${shortFromIso(x.at)} ${t.code} ${t.title.slice(0, 20)}｜${dir.personName(x.personId)}（${dir.unitName(x.unitId)}）：${what.slice(0, 80)}`;
  };
  const lines = shown.slice(-SHOWN).map(line);
  if (shown.length > SHOWN) lines.unshift(`（较早的 ${shown.length - SHOWN} 条未列出）`);
  const done = shown.filter((x) => x.kind === 'result').length;
  return {
    tone: 'info',
    title: `${who} ${when}报送进展 ${more}${shown.length - done} 条、办结 ${done} 件`,
    lines,
    note,
  };
}
