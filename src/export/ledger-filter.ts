import type { TaskFilter } from '../../storage/repositories.js';
import { UserError } from '../core/errors.js';
import type { Directory } from '../directory/directory.js';
import type { Scope } from '../domain/visibility.js';
import { findPeriod, type Period } from '../calendar/periods.js';
import type { LocalDate } from '../time/shanghai.js';
import { isoWeekPeriod } from './chart-data.js';

/** What part of the ledger to export: a unit (lead or co), a period of assignment, a state. */
export interface LedgerArgs {
  unitId?: string;
  period?: Period;
  status?: { label: string; filter: TaskFilter };
}

const STATUS_WORDS: Array<{ words: RegExp; label: string; filter: (today: LocalDate) => TaskFilter }> = [
  { words: /^(逾期|超期)$/, label: '逾期', filter: (today) => ({ statuses: ['pending', 'active'], deadlineBefore: today }) },
  { words: /^(未签收|待签收)$/, label: '未签收', filter: () => ({ statuses: ['pending', 'active'], unacknowledged: true }) },
  { words: /^(在办|办理中|未办结)$/, label: '在办', filter: () => ({ statuses: ['pending', 'active', 'paused'] }) },
  { words: /^(办结|已办结)$/, label: '办结', filter: () => ({ statuses: ['completed', 'verified'] }) },
  { words: /^(已复核|复核)$/, label: '已复核', filter: () => ({ statuses: ['verified'] }) },
  { words: /^(暂缓|暂缓执行)$/, label: '暂缓', filter: () => ({ statuses: ['paused'] }) },
];

export const PERIOD_HELP = '本周、上周、2026年第48周、本月、上月、2026年11月、本季度、2026年第4季度、今年';

/** `2026年第48周` (ISO weeks), else any period the query reader knows. */
export function parseExportPeriod(text: string, today: LocalDate): Period | undefined {
  const w = /^(\d{4})年第(\d{1,2})周$/.exec(text.trim());
  if (w) return isoWeekPeriod(Number(w[1]), Number(w[2]));
  return findPeriod(text, today);
}

/** `发改委 本月 逾期` in any order; anything that is neither a unit, a state nor a period is refused with the forms. */
export function parseLedgerWords(words: readonly string[], directory: Directory, today: LocalDate): LedgerArgs {
  const args: LedgerArgs = {};
  const left: string[] = [];
  for (const word of words) {
    const unit = directory.findUnit(word);
    const status = STATUS_WORDS.find((s) => s.words.test(word));
    if (unit && !args.unitId) args.unitId = unit.id;
    else if (status && !args.status) args.status = { label: status.label, filter: status.filter(today) };
    else left.push(word);
  }
  if (left.length > 0) {
    const period = parseExportPeriod(left.join(''), today);
    if (!period) throw new UserError('bad_arguments', `看不懂「${left.join(' ')}」：单位写名称或简称，时段写${PERIOD_HELP}，状态写逾期、未签收、在办、办结、已复核、暂缓。`);
    args.period = period;
  }
  return args;
}

/** The repository filter for the arguments, within what the person may see. */
export function ledgerFilter(a: LedgerArgs, scope: Scope | undefined): TaskFilter {
  return {
    ...a.status?.filter,
    ...(a.unitId ? { unitId: a.unitId } : {}),
    ...(a.period ? { assignedFrom: a.period.from, assignedTo: a.period.to } : {}),
    ...(scope ? { scope } : {}),
  };
}

/** `发改委-本月-逾期`: the parts of the range, for file names and replies. */
export function ledgerParts(a: LedgerArgs, directory: Directory): string[] {
  const unit = a.unitId ? (directory.unit(a.unitId)?.aliases[0] ?? directory.unitName(a.unitId)) : '';
  return [unit, a.period?.label ?? '', a.status?.label ?? ''].filter(Boolean);
}
