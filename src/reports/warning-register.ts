import type { Repositories } from '../../storage/repositories.js';
import type { Reply } from '../core/reply.js';
import type { Directory } from '../directory/directory.js';
import { formatDateShortCn } from '../time/shanghai.js';
import { consequenceLines, yearWarnings } from './warning-summary.js';

/** Who may read the register of 效能告诫 (the `告诫台账` command, and questions such as 今年有几个单位被告诫). */
export const WARNING_REGISTER_ROLES = ['主要领导', '分管领导', '秘书长', '督查室', '管理员'] as const;

/** The register of one year (withdrawn entries included, marked), of one unit or all, with the year's consequences (L四(五)). */
export async function warningRegisterReply(repos: Repositories, d: Directory, year: number, unitId?: string): Promise<Reply> {
  const all = (await repos.warnings.inRange(`${year}-01-01`, `${year}-12-31`)).filter((w) => !unitId || w.unitId === unitId);
  const lines = all.map((w) => {
    const who = w.personId ? `${d.personName(w.personId)}（${d.unit(w.unitId)?.aliases[0] ?? d.unitName(w.unitId)}）` : `${d.unitName(w.unitId)}（单位）`;
    const withdrawn = w.withdrawnAt ? `｜已撤销（${formatDateShortCn(w.withdrawnAt.slice(0, 10))}，${w.withdrawReason ?? ''}）` : '';
    return `${w.code} ${formatDateShortCn(w.date)}｜${who}｜${w.reason}｜告诫人 ${d.personName(w.issuerId)}${withdrawn}`;
  });
  if (lines.length === 0) lines.push('本年度无效能告诫记录。');
  const consequences = consequenceLines(await yearWarnings(repos, year), d, unitId ? [unitId] : undefined);
  const counted = all.filter((w) => !w.withdrawnAt).length;
  return {
    tone: 'info',
    title: `效能告诫台账（${unitId ? `${d.unitName(unitId)}，` : ''}${year}年）：${counted} 次${all.length > counted ? `（另有已撤销 ${all.length - counted} 次）` : ''}`,
    lines: [...lines, ...consequences],
    note: '个人当年被效能告诫的，当年考核不得评为称职以上等次；一年内被告诫两次以上的，当年考核定为不称职；被效能告诫的单位，给予通报批评、取消领导班子当年评优评先资格（L四(五)）。已撤销的不计。',
  };
}
