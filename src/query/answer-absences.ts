import { UserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import type { Absence } from '../../storage/contracts/people.js';
import { formatSpanCn, type LocalDate } from '../time/shanghai.js';
import { canSeeUnit, describeScope, scopeOf } from '../domain/visibility.js';
import type { QueryContext } from './query-context.js';

/**
 * Who is away on a day or in a period of up to a month (请假 registered with the bot), and who
 * acts for a unit head (代行): of everyone, of one unit or of one person. Only what was
 * registered is known, and the answer says so.
 */
const MAX_LINES = 30;

export async function answerAbsences(asked: { from: LocalDate; to: LocalDate; label: string; personId?: string; unitId?: string; me?: boolean; myUnit?: boolean }, q: QueryContext): Promise<Reply> {
  const dir = q.directory;
  const personId = asked.me ? q.actor.id : asked.personId;
  const unitId = asked.myUnit ? q.actor.unitId : asked.unitId;
  const r = { ...asked, personId, unitId };
  // Everyone sees their own registration and those of the units they may query.
  const scope = scopeOf(q.actor);
  // Leaders belong to no unit: whether they are away concerns everyone.
  const visiblePerson = (id: string) => {
    const unit = dir.person(id)?.unitId;
    return id === q.actor.id || unit === undefined || canSeeUnit(scope, unit);
  };
  if (scope && ((r.personId && !visiblePerson(r.personId)) || (r.unitId && !canSeeUnit(scope, r.unitId)))) {
    throw new UserError('no_permission', `您可查询的范围是：${describeScope(scope, dir)}。其他单位人员的请假情况请联系督查室。`);
  }
  const away = (await q.repos.people.absencesOn(r.from, r.to))
    .filter((a) => (r.personId ? a.personId === r.personId : r.unitId ? dir.person(a.personId)?.unitId === r.unitId : true))
    .filter((a) => (r.personId ? visiblePerson(a.personId) : a.personId === q.actor.id || canSeeUnit(scope, dir.person(a.personId)?.unitId ?? '')))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id - b.id));
  const acting = (await q.repos.people.actingsOn(r.from, r.to))
    .filter((a) => (r.personId ? a.actingId === r.personId : r.unitId ? a.unitId === r.unitId : true))
    .filter((a) => canSeeUnit(scope, a.unitId));
  const when = `${r.label}（${formatSpanCn(r.from, r.to, q.today)}）`;
  const note = '仅含在机器人登记的请假（「请假」命令）和代行安排；未登记的不在其中。';
  const line = (a: Absence) => `${dir.label(a.personId)}｜${formatSpanCn(a.from, a.to, q.today)}${a.reason ? `｜${a.reason}` : ''}`;
  const actingLines = acting.map((a) => `${dir.unitName(a.unitId)} 由 ${dir.personName(a.actingId)} 代行主要负责人职责（${formatSpanCn(a.from, a.to, q.today)}）`);
  if (r.personId) {
    const name = dir.personName(r.personId);
    return {
      tone: 'info',
      title: away.length > 0 ? `${name} ${when}有请假登记` : `${name} ${when}没有请假登记`,
      lines: [...away.map(line), ...actingLines],
      note,
    };
  }
  const who = r.unitId ? dir.unitName(r.unitId) : scope ? describeScope(scope, dir) : '全省';
  const people = new Set(away.map((a) => a.personId)).size;
  const shown = away.slice(0, MAX_LINES).map(line);
  if (away.length > MAX_LINES) shown.push(`……另有 ${away.length - MAX_LINES} 条，请按单位或更短的时段查询`);
  return {
    tone: 'info',
    title: `${who} ${when}请假人员：${people} 人`,
    lines: [...shown, ...(actingLines.length > 0 ? ['代行：', ...actingLines.slice(0, MAX_LINES)] : [])],
    note,
  };
}
