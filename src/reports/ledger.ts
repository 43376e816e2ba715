import type { Repositories } from '../../storage/repositories.js';
import type { Reply } from '../core/reply.js';
import type { Directory } from '../directory/directory.js';
import { STEP_LABEL, TRIGGER_LABEL, type LadderEvent } from '../domain/ladder.js';
import type { Period } from '../calendar/periods.js';
import { formatDateShortCn } from '../time/shanghai.js';

/** Most entries listed in one reply. */
const LIMIT = 50;

/**
 * The 日常考核工作台账 (B五(一)): first-step entries (催办 1 次, 复核不实) and the later steps of
 * the ladder, for one unit or all, over a period; each entry with its notice number.
 */
export async function ledgerReply(repos: Repositories, d: Directory, period: Period, unitId?: string): Promise<Reply> {
  const events = await repos.ladder.events({ from: period.from, to: period.to, unitId, limit: LIMIT + 1 });
  const shown = events.slice(0, LIMIT);
  const lines: string[] = [];
  const codes = new Map<number, string>();
  for (const e of shown) {
    if (!codes.has(e.taskId)) codes.set(e.taskId, (await repos.tasks.findById(e.taskId))?.code ?? String(e.taskId));
    lines.push(entryLine(e, codes.get(e.taskId) ?? '', d, unitId === undefined));
  }
  if (events.length > LIMIT) lines.push(`另有更多记录未列出，请缩小时段或指定单位。`);
  if (lines.length === 0) lines.push('本期台账无记录。');
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
