import type { Reply } from '../core/reply.js';
import type { Directory } from '../directory/directory.js';
import { personConsequence } from '../domain/assessment.js';
import type { AnnualReview, AnnualUnit } from '../reports/annual.js';
import { planExplanationLines } from '../reports/plan-rule.js';
import { praised, praiseLines } from '../reports/assessment-lines.js';
import { consequenceLines } from '../reports/warning-summary.js';
import { formatDateShortCn } from '../time/shanghai.js';
import { TALLY_TEXTS } from '../texts/tally.js';

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)}%`);

function unitLine(rank: number, u: AnnualUnit, d: Directory): string {
  const t = u.tally;
  const name = d.unit(u.unitId)?.aliases[0] ?? d.unitName(u.unitId);
  const parts = [
    `事项 ${u.plan?.items ?? t.due}`,
    `按期办结 ${t.completedOnTime}/${t.completed}（${pct(t.completedOnTime, t.completed)}）`,
    TALLY_TEXTS.overdue(t),
    TALLY_TEXTS.chases(t),
    `通报 ${u.steps[0]}/${u.steps[1]}｜拟移交 ${u.steps[2]}`,
    TALLY_TEXTS.untrue(t),
    `效能告诫 ${u.unitWarnings + u.personWarnings}`,
    `整改按期 ${u.rectifications.onTime}/${u.rectifications.total}`,
  ];
  if (u.plan?.over) parts.push(`计划未落实 ${u.plan.missed}/${u.plan.items}，超过10%`);
  if (u.score !== undefined) parts.push(`得分 ${u.score}`);
  return `${rank}. ${name}｜${parts.join('｜')}`;
}

/** 年终考核 as a reply: units ranked, then people, then 书面说明, 表扬 and 效能告诫 with their consequences. */
export function annualReply(r: AnnualReview, d: Directory, weights?: Record<string, number>): Reply {
  const lines: string[] = [];
  if (r.units.length === 0) lines.push('该年度无督办事项。');
  lines.push(...r.units.map((u, i) => unitLine(i + 1, u, d)));
  if (r.people.length > 0 || r.warnings.byPerson.size > 0) lines.push('【个人】');
  const people = new Map(r.people.map((p) => [p.personId, p]));
  for (const id of r.warnings.byPerson.keys()) {
    if (!people.has(id)) people.set(id, { personId: id, unitId: r.warnings.byPerson.get(id)?.[0]?.unitId ?? '', items: 0, onTime: 0, overdue: 0 });
  }
  for (const p of people.values()) {
    const n = r.warnings.byPerson.get(p.personId)?.length ?? 0;
    const unit = d.unit(p.unitId)?.aliases[0] ?? d.unitName(p.unitId);
    lines.push(`${d.personName(p.personId)}（${unit}）｜承办 ${p.items}｜按期 ${p.onTime}｜逾期 ${p.overdue}｜效能告诫 ${n}${n > 0 ? `：${personConsequence(n)}` : ''}`);
  }
  lines.push(...planExplanationLines(r.plan, r.year, d));
  lines.push(
    ...praiseLines(
      praised(
        r.units.map((u) => u.tally),
        new Set(r.warnings.byUnit.keys()),
      ),
      d,
    ),
  );
  lines.push(...consequenceLines(r.warnings, d).filter((l) => l.includes('（单位）')));
  const rule = r.weighted
    ? `得分按设置文件中的权重计算：${Object.entries(weights ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join('、')}；按得分排名。`
    : '未设置权重（各地自行确定），只列各项数据；排名依次比较：逾期件数、复核不实、催办次数（少者在前），按期办结率、当日签收率（高者在前）。';
  return {
    tone: 'info',
    title: `年终考核（${r.year}年，${formatDateShortCn(r.period.from)}—${formatDateShortCn(r.period.to, r.period.from)}）`,
    lines,
    note: `${rule}事项为年度计划内事项（时限在本年度或列入年度计划）；经秘书长确认免责的不计。`,
  };
}
