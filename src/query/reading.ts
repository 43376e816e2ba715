import type { SourceKind } from '../domain/sources.js';
import type { LocalDate } from '../time/shanghai.js';
import type { Period } from '../calendar/periods.js';
import type { Relation } from './vocabulary.js';

/** Whose work a question is about. */
export type Subject = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'person'; personId: string } | { kind: 'me' } | { kind: 'my_unit' };

/** A range of dates with the words that named it; either end may be open. */
export interface DateRange {
  from?: LocalDate;
  to?: LocalDate;
  label: string;
}

/** The conditions of a list question; all of them hold at once. */
export interface Conditions {
  /** open: not yet completed (在办, 未办结); done: completed (办结); paused: 暂缓执行. */
  state?: 'open' | 'done' | 'paused';
  /** The word that named the state, for the title (在办, 未办结, 还有). */
  stateLabel?: string;
  acked?: boolean;
  /** Open and past the deadline, or (with state done) completed after it. */
  overdue?: boolean;
  /** Due within three working days. */
  dueSoon?: boolean;
  /** Overdue by more than this many days (逾期超过10天). */
  overdueDays?: number;
  /** Only 重点 items. */
  key?: boolean;
  /** Only 紧急 items. */
  urgent?: boolean;
  /** Only work whose deadline was extended (approved 延期). */
  extended?: boolean;
  /** false: work returned after a failed 复核 (退回重办, at any time); true: completions verified (已复核). */
  verification?: 'true' | 'false';
  /** Only work that reached the 拟移交 list (催办 3 次, B五(一)). */
  referral?: boolean;
  /** Only work with a 延期 or 难以执行 request waiting for its answer. */
  pendingRequest?: 'extension' | 'infeasible';
  /** Only work of this source (来源). */
  source?: SourceKind;
  deadline?: DateRange;
  assigned?: DateRange;
  completed?: DateRange;
}

/** What the asker wants back. */
/** all_done / all_acked: 都办完了吗, 都签收了吗 — how many of the matching items are not yet. */
export type AskedForm = 'overview' | 'count' | 'list' | 'yes_no' | 'all_done' | 'all_acked' | 'longest';

/** `chases`: a unit's chases counted (被催办了几次), with its place beside them. */
export type RankQuestion = 'worst' | 'best' | 'most_overdue' | 'position' | 'chases';

/** The structured reading of a question: what the rule reader and the model both produce. */
export type Reading =
  | { kind: 'task'; code: string }
  /** D-0001 和 D-0002 进展如何: several tasks asked about together, one line each. */
  | { kind: 'tasks'; codes: string[] }
  /** 今天有什么新进展: the 进展 and 办结 reported in a period. */
  | { kind: 'activity'; from: LocalDate; to: LocalDate; label: string; subject: Subject }
  /** 谁在请假 / 郑晓东在不在: who is away on a day or in a period (请假 registered), and who acts for a unit head. */
  | { kind: 'absences'; from: LocalDate; to: LocalDate; label: string; personId?: string; unitId?: string; me?: boolean; myUnit?: boolean }
  | { kind: 'coordination'; code: string }
  | { kind: 'tally'; period?: Period }
  /** `covered`: among the units the asker covers (我分管的单位哪个最差). */
  | { kind: 'rank'; which: RankQuestion; period?: Period; unitId?: string; covered?: boolean }
  | { kind: 'help' }
  /** 今年有几个单位被告诫, 海州市被告诫了吗: the register of 效能告诫 of a year (this one unless named), of a unit or all. */
  | { kind: 'warnings'; year?: number; unitId?: string }
  /** 还有哪些协调没办完: the coordination items not yet agreed, of one unit or all the asker may see. */
  | { kind: 'coordinations'; unitId?: string; personId?: string; me?: boolean; myUnit?: boolean; count: boolean }
  /** `who`: 谁负责 / 哪个单位 was asked beside the list; each line then names the units and their responsible person. */
  | { kind: 'list'; subject: Subject; relation?: Relation; cond: Conditions; form: AskedForm; who?: boolean };

/** A reading with what the reader did not take from the question. */
export interface ReadResult {
  /** Undefined when nothing in the question was understood. */
  reading?: Reading;
  /** Names that look like a unit or a person but are not in the directory. */
  unknownNames: string[];
  /** Words of the question the reading leaves out. */
  ignored: string[];
  /** Unit aliases read despite a one-character typo: 发该委 → 发改委. */
  corrected: Array<{ written: string; unitId: string }>;
  /**
   * Several questions in one message (发改委办结了几件，逾期的有哪些): the reading answers the
   * first; these clauses after it are not answered, and the answer says so.
   */
  unanswered?: { answered: string; rest: string[] };
  /** 为什么 was asked: the answer shows what the ledger holds and says that it does not judge reasons. */
  why?: boolean;
}

/** True when every word of the question went into the reading. */
export function fullyRead(r: ReadResult): boolean {
  return r.reading !== undefined && r.unknownNames.length === 0 && r.ignored.length === 0 && r.unanswered === undefined;
}
