import { UserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import { TALLY_ROLES } from '../domain/roles.js';
import { compareUnits, computeTally, lastRanked, type Tally, type UnitTally } from '../reports/tally.js';
import { formatDateShortCn } from '../time/shanghai.js';
import { monthOf, type Period } from '../calendar/periods.js';
import type { QueryContext } from './query-context.js';
import { describeScope, scopeOf } from '../domain/visibility.js';
import type { RankQuestion } from './reading.js';
import { TALLY_TEXTS } from '../texts/tally.js';

/** The ranking rule as the weekly tally states it. */
export const RANKING_RULE = '排名依次比较：逾期件数、复核不实、催办次数（少者在前），按期办结率、当日签收率（高者在前）。';

/** Checks that the asker may see per-unit figures (the same roles as 周报 and 统计). */
export function assertTallyReader(q: QueryContext): void {
  if (!q.actor.roles.some((r) => (TALLY_ROLES as readonly string[]).includes(r))) {
    throw new UserError('no_permission', `各单位统计和排名供${TALLY_ROLES.join('、')}查看。可发「查询 我的」查看本人事项。`);
  }
}

function figures(t: UnitTally): string {
  const parts = [`逾期 ${t.overdue} 件`, `催办 ${t.chases} 次`, TALLY_TEXTS.completedOnTime(t), TALLY_TEXTS.ackedOnTime(t)];
  if (t.untrue > 0) parts.splice(1, 0, `复核不实 ${t.untrue} 件`);
  return parts.join('，');
}

/** 哪个单位最差 / 最好, 谁逾期最多, 发改委排第几: answered from the tally with its ranking rule. */
export async function answerRank(which: RankQuestion, period: Period | undefined, unitId: string | undefined, q: QueryContext, covered = false): Promise<Reply> {
  assertTallyReader(q);
  const p = period ?? monthOf(q.today, '本月');
  const whole = await computeTally(q.repos.stats, q.directory, p, q.today);
  // 我分管的单位哪个最差: among the units the asker covers; each keeps its place in the whole ranking.
  const scope = covered ? scopeOf(q.actor) : undefined;
  const tally: Tally = scope ? { ...whole, ranked: whole.ranked.filter((t) => scope.unitIds.includes(t.unitId)) } : whole;
  const among = scope ? `您分管的单位中` : '';
  const name = (id: string) => q.directory.unitName(id);
  const basis = `${scope ? `仅含您分管的单位：${describeScope(scope, q.directory)}；名次为全省排名。` : ''}按${p.label}（${formatDateShortCn(p.from)}—${formatDateShortCn(p.to, p.from)}）统计，截至 ${formatDateShortCn(tally.cutoff)} 前。${RANKING_RULE}`;
  // The place in the whole ranking (tied units share it), said in words: a list headed 2. would read as a count.
  const place = (t: UnitTally) => whole.ranked.findIndex((o) => compareUnits(o, t) === 0) + 1;
  const tied = (t: UnitTally) => whole.ranked.filter((o) => compareUnits(o, t) === 0).length > 1;
  const line = (t: UnitTally) => `${name(t.unitId)}（${tied(t) ? '并列' : '排名'}第 ${place(t)}，共 ${whole.ranked.length} 个有事项的单位）：${figures(t)}`;
  const reply = (title: string, units: UnitTally[]): Reply => ({ tone: 'info', title, lines: units.map(line), note: basis });
  if (tally.ranked.length === 0) return reply(`${among}${p.label}各单位无交办、办结或逾期事项，没有排名`, []);
  switch (which) {
    case 'worst': {
      const last = lastRanked(tally);
      // Nobody is behind: no unit's line, which would read as naming it the worst.
      if (last.length === 0) return reply(`${among}${p.label}各单位均无逾期、复核不实和催办，没有排名落后的单位`, []);
      return reply(`${among}${p.label}排名最后：${last.map((t) => name(t.unitId)).join('、')}`, last);
    }
    case 'best': {
      const first = tally.ranked[0] as UnitTally;
      const top = tally.ranked.filter((t) => compareUnits(t, first) === 0);
      return reply(`${among}${p.label}排名${scope ? '最前' : '第一'}：${top.map((t) => name(t.unitId)).join('、')}`, top);
    }
    case 'most_overdue': {
      const most = Math.max(...tally.ranked.map((t) => t.overdue));
      if (most === 0) return reply(`${among}${p.label}各单位均无逾期事项`, []);
      const units = tally.ranked.filter((t) => t.overdue === most);
      return reply(`${among}${p.label}逾期最多：${units.map((t) => name(t.unitId)).join('、')}（${most} 件）`, units);
    }
    case 'position':
    case 'chases':
      return position(whole, unitId ?? q.actor.unitId, p, q, reply, basis, which === 'chases');
  }
}

function position(tally: Tally, unitId: string | undefined, p: Period, q: QueryContext, reply: (title: string, units: UnitTally[]) => Reply, basis: string, chases = false): Reply {
  if (!unitId) throw new UserError('unknown_unit', '请说明要查哪个单位的排名，如「发改委排第几」。');
  const at = tally.ranked.findIndex((t) => t.unitId === unitId);
  const name = q.directory.unitName(unitId);
  if (at < 0) return { tone: 'info', title: chases ? `${name}${p.label}被催办 0 次（无交办、办结或逾期事项）` : `${name}${p.label}无交办、办结或逾期事项，未参加排名`, note: basis };
  const t = tally.ranked[at] as UnitTally;
  const tied = tally.ranked.findIndex((o) => compareUnits(o, t) === 0);
  const place = `排名第 ${tied + 1}（共 ${tally.ranked.length} 个有事项的单位）`;
  return reply(chases ? `${name}${p.label}被催办 ${t.chases} 次，${place}` : `${name}${p.label}${place}`, [t]);
}
