import type { Reply, ReplyChart } from '../core/reply.js';
import type { Directory } from '../directory/directory.js';
import type { Tally, UnitTally } from '../reports/tally.js';
import { daysBetween, formatDateShortCn } from '../time/shanghai.js';
import { unitBars } from '../export/chart-data.js';
import { barsChart } from '../export/chart-spec.js';
import { colourMark, type TaskColour } from './task-colour.js';
import { TALLY_TEXTS } from '../texts/tally.js';

export type TallyKind = 'week' | 'month' | 'quarter' | 'custom';

/** The kind of tally a named period asks for. */
export function tallyKindOf(p: { label: string }): TallyKind {
  if (p.label.includes('周')) return 'week';
  if (p.label.includes('季度')) return 'quarter';
  if (p.label.endsWith('月')) return 'month';
  return 'custom';
}

/** Open work per unit and colour as it stands today, and the scheme's colours in the order shown. */
export interface TallyColours {
  colours: readonly TaskColour[];
  counts: Map<string, Partial<Record<TaskColour, number>>>;
}

/** A tally reply's additions: 三色 per unit, the trend chart, and lines after the ranking. */
export interface TallyExtras {
  extra?: string[];
  colours?: TallyColours;
  trend?: ReplyChart;
}

const TITLE: Record<TallyKind, string> = { week: '督办周通报', month: '督办月统计', quarter: '季度督查考核', custom: '督办统计' };

function unitLine(rank: number, t: UnitTally, d: Directory, colours?: TallyColours): string {
  const name = d.unit(t.unitId)?.aliases[0] ?? d.unitName(t.unitId);
  const parts = [
    `交办 ${t.assigned}`,
    TALLY_TEXTS.ackedOnTime(t),
    TALLY_TEXTS.completedOnTime(t),
    ...(t.completedInExtension > 0 ? [`延期内办结 ${t.completedInExtension}`] : []),
    ...(t.completedLate > 0 ? [`逾期办结 ${t.completedLate}`] : []),
    TALLY_TEXTS.overdue(t),
    TALLY_TEXTS.chases(t),
    `协调 ${t.coordinations}`,
  ];
  if (t.untrue > 0) parts.push(TALLY_TEXTS.untrue(t));
  if (t.ledger > 0) parts.push(`记入台账 ${t.ledger}`);
  if (colours) {
    const counts = colours.counts.get(t.unitId) ?? {};
    parts.push(`现三色 ${colours.colours.map((c) => `${colourMark(c)} ${counts[c] ?? 0}`).join(' ')}`);
  }
  return `${rank}. ${name}｜${parts.join('｜')}`;
}

/**
 * A tally as a short, item-style reply: ranked units, then the longest-overdue items by id;
 * with `colours`, each unit's open work per 三色 as it stands today; with `trend`, the line over recent weeks.
 */
export function tallyReply(tally: Tally, kind: TallyKind, d: Directory, o: TallyExtras = {}): Reply {
  const { extra = [], colours, trend } = o;
  const { period } = tally;
  const range = `${formatDateShortCn(period.from)}—${formatDateShortCn(period.to, period.from)}`;
  const lines: string[] = [];
  if (tally.ranked.length === 0) lines.push(TALLY_TEXTS.empty);
  else lines.push(...tally.ranked.map((t, i) => unitLine(i + 1, t, d, colours)));
  if (tally.idle.length > 0 && tally.ranked.length > 0) lines.push(`无事项：${tally.idle.map((u) => d.unit(u)?.aliases[0] ?? d.unitName(u)).join('、')}`);
  if (tally.longestOverdue.length > 0) {
    lines.push(
      `逾期最久：${tally.longestOverdue
        .map(
          (o) => `${o.code}（${d.unit(o.unitId)?.aliases[0] ?? d.unitName(o.unitId)}，逾期 ${daysBetween(o.deadline, tally.cutoff)} 天${o.stages?.length ? `；逾期阶段 ${o.stages.join('、')}` : ''}）`,
        )
        .join('；')}`,
    );
  }
  if (kind !== 'week' && tally.lateCompletions.length > 0) {
    lines.push(`逾期办结：${tally.lateCompletions.map((o) => `${o.code}（${d.unit(o.unitId)?.aliases[0] ?? d.unitName(o.unitId)}）`).join('、')}`);
  }
  lines.push(...extra);
  const title = `${TITLE[kind]}（${period.label}，${range}）`;
  return {
    tone: 'info',
    title,
    lines,
    // Lark draws it in the card (逾期, 按期办结, 催办 per unit); text platforms leave it out.
    ...(tally.ranked.length > 0 ? { charts: [barsChart(unitBars(tally, d, `各单位督办情况（${period.label}，${range}）`)), ...(trend ? [trend] : [])] } : {}),
    note: `${colours ? '现三色为今日在办事项（按牵头单位）。' : ''}按期办结以原定时限计；延期内办结、逾期办结另列。排名依次比较：逾期件数、复核不实、催办次数（少者在前），按期办结率、当日签收率（高者在前）。`,
  };
}
