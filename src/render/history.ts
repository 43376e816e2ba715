import type { AuditRecord } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import { formatShortDateTime } from '../time/shanghai.js';

type Describe = (d: Record<string, unknown>, dir: Directory) => string;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const unitName = (v: unknown, dir: Directory): string => dir.unitName(str(v));

/**
 * How each audit action reads in a task's history. New actions register here; an unknown
 * action falls back to its name, so history never breaks.
 */
export const HISTORY_LABELS: Record<string, Describe> = {
  assign: (d, dir) => `交办，牵头 ${unitName(d.lead, dir)}，时限 ${str(d.deadline)}`,
  acknowledge: (d, dir) => `签收（${unitName(d.unit, dir)}${d.implicit ? '，随进展报送视同签收' : ''}）`,
  progress: (d) => `报送进展${d.percent !== undefined && d.percent !== null ? ` ${str(d.percent)}%` : ''}：${str(d.text)}`,
  complete: (d) => `办结：${str(d.result)}`,
};

export function registerHistoryLabel(action: string, describe: Describe): void {
  HISTORY_LABELS[action] = describe;
}

export function historyLine(r: AuditRecord, dir: Directory): string {
  const describe = HISTORY_LABELS[r.action];
  const what = describe ? describe(r.details, dir) : r.action;
  const who = r.actorId === 'system' ? '系统' : dir.personName(r.actorId);
  return `${formatShortDateTime(new Date(r.at))} ${who} ${what}`;
}
