import type { Repositories } from '../../storage/repositories.js';
import type { Reply } from '../core/reply.js';
import type { Directory } from '../directory/directory.js';
import { STEP_LABEL, TRIGGER_LABEL, type LadderEvent } from '../domain/ladder.js';
import type { Period } from '../calendar/periods.js';
import { formatDateShortCn, splitDate } from '../time/shanghai.js';
import { consequenceLines, yearWarnings } from './warning-summary.js';

/** Most entries listed in one reply. */
const LIMIT = 50;

/**
 * The 日常考核工作台账 (B五(一)): first-step entries (催办 1 次, 复核不实) and the later steps of
 * the ladder, for one unit or all, over a period; each entry with its notice number.
 */
export async function ledgerReply(repos: Repositories, d: Directory, period: Period, unitId?: string): Promise<Reply> {
  // A lapse excused by the 秘书长 (免责) leaves the 台账; the record says so and why.
  const excused = new Map((await repos.excusals.confirmed()).map((x) => [x.taskId, x]));
  const all = await repos.ladder.events({ from: period.from, to: period.to, unitId, limit: LIMIT + 1 + excused.size * 3 });
  const events = all.filter((e) => !excused.has(e.rootId));
  const shown = events.slice(0, LIMIT);
  const lines: string[] = [];
  const codes = new Map<number, string>();
  const excusedShown = new Set<number>();
  for (const e of all.filter((x) => excused.has(x.rootId))) {
    if (excusedShown.has(e.rootId)) continue;
    excusedShown.add(e.rootId);
    const x = excused.get(e.rootId);
    lines.push(`免责：${(await repos.tasks.findById(e.rootId))?.code ?? e.rootId}｜${x?.reason ?? ''}｜经${d.personName(x?.decidedBy ?? '')}确认，不计入台账`);
  }
  for (const e of shown) {
    if (!codes.has(e.taskId)) codes.set(e.taskId, (await repos.tasks.findById(e.taskId))?.code ?? String(e.taskId));
    lines.push(entryLine(e, codes.get(e.taskId) ?? '', d, unitId === undefined));
  }
  if (events.length > LIMIT) lines.push(`另有更多记录未列出，请缩小时段或指定单位。`);
  if (lines.length === 0) lines.push('本期台账无记录。');
  lines.push(...consequenceLines(await yearWarnings(repos, splitDate(period.to)[0]), d, unitId ? [unitId] : undefined));
  const counts = await repos.stats.ledgerByUnit(period.from, period.to);
  const summary = [...counts].filter(([u]) => !unitId || u === unitId).map(([u, n]) => `${d.unit(u)?.aliases[0] ?? d.unitName(u)} ${n} 件`);
  return {
    tone: 'info',
    title: `日常考核工作台账（${unitId ? `${d.unitName(unitId)}，` : ''}${period.label}，${formatDateShortCn(period.from)}—${formatDateShortCn(period.to, period.from)}）`,
    lines,
    note: summary.length > 0 ? `记入台账（每件事项计 1 次）：${summary.join('、')}` : undefined,
  };
}

function entryLine(e: LadderEvent, code: string, d: Directory, withUnit: boolean): string {
  const unit = withUnit ? `${d.unit(e.unitId)?.aliases[0] ?? d.unitName(e.unitId)}｜` : '';
  return `${formatDateShortCn(e.date)} ${code}｜${unit}第 ${e.step} 步：${STEP_LABEL[e.step]}｜${TRIGGER_LABEL[e.trigger]}${e.notice ? `｜${e.notice}` : ''}`;
}
