import type { Repositories, TaskFilter } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Directory } from '../directory/directory.js';
import { SOURCES } from '../domain/sources.js';
import { DONE_STATUSES, STATUS_LABEL, type Task } from '../domain/task.js';
import { describeAction, historyActor } from '../render/history.js';
import { COLOUR_LABEL, type ColourScheme, type TaskColour } from '../render/task-colour.js';
import { colourOf } from '../reports/colour-of.js';
import type { LocalDate } from '../time/shanghai.js';

/** One row of the 督办台账, in the columns an office uses. Dates are Shanghai wall-clock strings. */
export interface LedgerRow {
  code: string;
  title: string;
  source: string;
  assigner: string;
  assignedAt: string;
  lead: string;
  responsible: string;
  co: string;
  deadline: LocalDate;
  originalDeadline: LocalDate;
  status: string;
  colour?: TaskColour;
  ackedAt?: string;
  latestProgress: string;
  completedAt?: string;
  result: string;
  chases: number;
  verification: string;
}

/** One audit record of an exported task (the history sheet). */
export interface HistoryRow {
  code: string;
  at: string;
  actor: string;
  what: string;
  via: string;
}

/** Per-unit figures of the exported tasks (the third sheet). */
export interface UnitRow {
  unit: string;
  lead: number;
  open: number;
  completed: number;
  completedOnTime: number;
  overdue: number;
  chases: number;
  colours: Partial<Record<TaskColour, number>>;
}

export interface LedgerContext {
  repos: Repositories;
  directory: Directory;
  calendar: WorkCalendar;
  today: LocalDate;
  scheme: ColourScheme;
  warnDays: number;
}

const VERIFICATION: Record<string, string> = { pending: '待复核', true: '属实', false: '不实' };
const PAGE = 500;

/** Tasks matching the filter in id order, a page at a time (memory stays flat on any ledger). */
export async function* taskPages(repos: Repositories, filter: TaskFilter): AsyncGenerator<Task[]> {
  let after = 0;
  for (;;) {
    const page = await repos.tasks.list({ ...filter, idAfter: after, order: 'code', limit: PAGE });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.id ?? after;
    if (page.length < PAGE) return;
  }
}

export { colourOf };

export async function ledgerRow(task: Task, c: LedgerContext): Promise<LedgerRow> {
  const d = c.directory;
  const lead = task.units.find((u) => u.role === 'lead') ?? task.units[0];
  const co = task.units.filter((u) => u.role === 'co');
  const reports = await c.repos.tasks.reports(task.id);
  const latest = [...reports].reverse().find((r) => r.kind === 'progress');
  const overdue = (task.status === 'pending' || task.status === 'active') && task.deadline < c.today;
  return {
    code: task.code,
    title: task.title,
    source: SOURCES[task.source].label + (task.isKey ? '（重点）' : ''),
    assigner: d.personName(task.assignerId),
    assignedAt: task.assignedAt,
    lead: lead ? d.unitName(lead.unitId) : '',
    responsible: lead ? d.personName(lead.responsibleId) : '',
    co: co.map((u) => `${d.unitName(u.unitId)}（${d.personName(u.responsibleId)}）`).join('；'),
    deadline: task.deadline,
    originalDeadline: task.originalDeadline,
    status: overdue ? `逾期（${STATUS_LABEL[task.status]}）` : STATUS_LABEL[task.status],
    colour: await colourOf(task, c),
    ackedAt: lead?.ackedAt,
    latestProgress: latest ? `${latest.at.slice(5, 10)} ${latest.percent !== undefined ? `${latest.percent}% ` : ''}${latest.text}` : '',
    completedAt: task.completedAt,
    result: task.result ?? '',
    chases: task.chaseCount,
    verification: task.verification ? (VERIFICATION[task.verification] ?? '') : '',
  };
}

export async function historyRows(task: Task, c: LedgerContext): Promise<HistoryRow[]> {
  const records = await c.repos.audit.forTask(task.id);
  return records.map((r) => {
    return {
      code: task.code,
      at: r.at,
      actor: historyActor(r, c.directory),
      what: describeAction(r.action, r.details, c.directory),
      via: 'job' in r.source ? `定时任务 ${r.source.job}` : `${r.source.message.platform} 消息 ${r.source.message.messageId}`,
    };
  });
}

/** Adds a task to the per-unit figures of its lead unit. */
export function countUnit(units: Map<string, UnitRow>, task: Task, row: LedgerRow, unitName: string): void {
  const u = units.get(unitName) ?? { unit: unitName, lead: 0, open: 0, completed: 0, completedOnTime: 0, overdue: 0, chases: 0, colours: {} };
  u.lead += 1;
  if (task.status === 'pending' || task.status === 'active' || task.status === 'paused') u.open += 1;
  if (DONE_STATUSES.includes(task.status)) {
    u.completed += 1;
    if (task.completedDate !== undefined && task.completedDate <= task.originalDeadline) u.completedOnTime += 1;
  }
  if (row.status.startsWith('逾期')) u.overdue += 1;
  u.chases += task.chaseCount;
  if (row.colour) u.colours[row.colour] = (u.colours[row.colour] ?? 0) + 1;
  units.set(unitName, u);
}

export const colourLabel = (c: TaskColour | undefined): string => (c ? COLOUR_LABEL[c] : '');
