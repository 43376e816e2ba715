import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Directory } from '../directory/directory.js';
import type { LocalDate } from '../time/shanghai.js';
import { addDays, formatDateCn } from '../time/shanghai.js';
import type { SourceKind } from './sources.js';
import type { Task } from './task.js';
import { addressPerson } from './leader-address.js';

/** H1: 上级重要文件、重大决策部署 …… 以最快速度（最多3天内）布置落实. */
export const DEPLOY_DAYS = 3;

/** The day by which a unit reports how it deployed a 上级文件 task (布置落实); other sources have none. */
export function deploymentDue(task: Pick<Task, 'source' | 'assignedDate'>, calendar: WorkCalendar): LocalDate | undefined {
  if (task.source !== 'superior_document') return undefined;
  return calendar.onOrAfter(addDays(task.assignedDate, DEPLOY_DAYS));
}

/** A report that tells how the work was deployed: sent with `部署`, or a 进展 that starts with 部署. */
export function isDeploymentReport(text: string): boolean {
  return /^[【\[]?(部署|布置落实)/.test(text.trim());
}

/**
 * What the 交办 reply adds for a 上级文件: the same-day notice to each unit's 主要负责人
 * (收到当天报主要负责人) and the 3-day 布置落实 report, beside the completion deadline.
 */
export function superiorDocumentLines(
  ctx: { directory: Directory; calendar: WorkCalendar; today: LocalDate },
  task: Pick<Task, 'code' | 'source' | 'assignedDate' | 'units'>,
  source: SourceKind,
): string[] {
  if (source !== 'superior_document') return [];
  const due = deploymentDue({ source, assignedDate: task.assignedDate }, ctx.calendar);
  const heads = task.units.map((u) => ctx.directory.unitHead(u.unitId)).filter((p): p is NonNullable<typeof p> => p !== undefined && !task.units.some((u) => u.responsibleId === p.id));
  const lines: string[] = [];
  if (heads.length > 0) lines.push(`上级文件收到当天报主要负责人（H1）：请 ${heads.map((p) => addressPerson(ctx.directory, p.id)).join('、')} 阅知。`);
  if (due) lines.push(`最多 ${DEPLOY_DAYS} 天内布置落实（H1）：请于 ${formatDateCn(due, ctx.today)}前回复「部署 ${task.code} 布置落实情况」。`);
  return lines;
}
