import type { Directory } from '../directory/directory.js';
import type { LocalDate } from '../time/shanghai.js';
import { normalizeTaskCode } from '../domain/task.js';
import { normalizeCoordinationCode } from '../domain/coordination.js';
import { findPeriod, type Period } from './period.js';

export type Metric = 'overdue' | 'unacked' | 'due' | 'due_soon' | 'completed' | 'assigned' | 'open';

export const METRIC_LABEL: Record<Metric, string> = {
  overdue: '逾期',
  unacked: '未签收',
  due: '到期',
  due_soon: '即将到期',
  completed: '办结',
  assigned: '交办',
  open: '在办',
};

/** A question about the ledger, from `查询 …` or from plain words. */
export type QuerySpec =
  | { kind: 'task'; code: string }
  | { kind: 'coordination'; code: string }
  /** Per-unit figures and ranking for a period (上周各单位情况, 本月各单位排名). */
  | { kind: 'tally'; period?: Period }
  | {
      kind: 'list';
      metric?: Metric;
      unitId?: string;
      personId?: string;
      mine?: boolean;
      period?: Period;
      countOnly: boolean;
    };

const METRIC_WORDS: Array<[Metric, RegExp]> = [
  ['unacked', /未签收|没签收|没有签收|待签收|未接收|没收到|未认领/],
  ['overdue', /逾期|超期|过期|超时|拖期|延误/],
  ['due_soon', /快到期|即将到期|临期|马上到期|将到期|快截止/],
  ['due', /到期|截止/],
  ['completed', /办结|办完|已完成|完成了|完成情况|完成/],
  ['assigned', /交办|新增|布置|下达|安排了/],
  ['open', /在办|未办结|没办完|未完成|手上|手头|还有|办理中|正在办/],
];

const COUNT_WORDS = /几件|几项|几个|多少|数量|几条|有几|总数|统计/;

/**
 * Reads a question: a task id, a unit or person, 我的, a period and what is asked about
 * (逾期, 未签收, 到期 …). Returns undefined when nothing in the text is recognised.
 */
export function parseQuery(text: string, directory: Directory, today: LocalDate): QuerySpec | undefined {
  const clean = text.normalize('NFKC').replace(/[？?！!。，,、\s]+/g, ' ').trim();
  const code = /[Dd][-_—]?\s?\d{1,9}(?:[-_—]\d{1,3}(?!\d))?/.exec(clean);
  if (code) {
    const c = normalizeTaskCode(code[0].replace(/\s/g, ''));
    if (c) return { kind: 'task', code: c };
  }
  const ccode = /[Cc][-_—]?\s?\d{1,9}/.exec(clean);
  if (ccode) {
    const c = normalizeCoordinationCode(ccode[0].replace(/\s/g, ''));
    if (c) return { kind: 'coordination', code: c };
  }
  if (/各单位|各部门|各市|排名|排行|通报|周报|统计情况|总体情况/.test(clean)) return { kind: 'tally', period: findPeriod(clean, today) };
  const spec: Extract<QuerySpec, { kind: 'list' }> = { kind: 'list', countOnly: COUNT_WORDS.test(clean) };
  const unit = longestMatch(clean, directory.allUnits().flatMap((u) => [u.name, ...u.aliases].map((n) => [n, u.id] as const)));
  if (unit) spec.unitId = unit;
  const person = longestMatch(clean, directory.allPeople().flatMap((p) => [p.name, ...p.aliases].map((n) => [n, p.id] as const)));
  if (person) spec.personId = person;
  if (/我的|我有|我还有|我手上|我手头|本人|我单位|我们单位|我们的/.test(clean)) spec.mine = true;
  const period = findPeriod(clean, today);
  if (period) spec.period = period;
  for (const [metric, re] of METRIC_WORDS) {
    if (re.test(clean)) {
      spec.metric = metric;
      break;
    }
  }
  // A period alone ("今天天气不错") is not a question about the ledger.
  const recognised = spec.metric || spec.unitId || spec.personId || spec.mine;
  return recognised ? spec : undefined;
}

function longestMatch(text: string, names: ReadonlyArray<readonly [string, string]>): string | undefined {
  let best: { len: number; id: string } | undefined;
  for (const [name, id] of names) {
    if (name.length >= 2 && text.includes(name) && (!best || name.length > best.len)) best = { len: name.length, id };
  }
  return best?.id;
}
