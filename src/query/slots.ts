import type { SourceKind } from '../domain/sources.js';
import type { Form, Rank, Relation, Status } from './vocabulary.js';
import type { TimeSlot } from './time-words.js';

/** The slots a question fills, before they become a reading. */
export interface Slots {
  codes: Array<{ code: string; coordination: boolean }>;
  units: string[];
  persons: string[];
  me: boolean;
  myUnit: boolean;
  all: boolean;
  /** 我分管的单位: the units the asker covers were named as such. */
  covered?: boolean;
  statuses: Array<{ status: Status; negated: boolean; weak: boolean; text: string }>;
  /** 没办 / 未落实: a negated plain verb, meaning not yet completed. */
  negatedVerb: boolean;
  impliesOpen: boolean;
  times: TimeSlot[];
  relations: Relation[];
  forms: Set<Form>;
  ranks: Rank[];
  who: boolean;
  tally: boolean;
  help: boolean;
  quantifier: boolean;
  question: boolean;
  /** 为什么 was asked. */
  why: boolean;
  /** 协调 was asked about (no C- code). */
  coordination: boolean;
  /** 协调一致的: items already agreed were asked for. */
  coordinationAgreed: boolean;
  /** 催办 was asked about. */
  chase: boolean;
  ontime: boolean;
  key: boolean;
  /** 紧急 was asked. */
  urgent: boolean;
  /** 请假 / 在不在 was asked: who is away. */
  absence: boolean;
  /** 新进展 / 动态 / 报了哪些进展 was asked: the reports (进展, 办结) made in a period. */
  activity: boolean;
  /** 延期 was asked: work whose deadline was extended. */
  extended: boolean;
  /** 退回重办 (false) or 复核属实 (true) was asked. */
  verification?: 'true' | 'false';
  /** 效能告诫 was asked: the register. */
  warning?: boolean;
  /** 拟移交 was asked. */
  referral?: boolean;
  /** 部署 was asked, as written: a task's card shows its 部署 report; a list does not filter by it, and says so. */
  deployment?: string;
  /** 申请延期的 / 难以执行的 was asked: work with such a request not yet answered. */
  pendingRequest?: 'extension' | 'infeasible';
  /** Sources named (人大建议), in order. */
  sources: SourceKind[];
  overdueDays?: number;
  ignored: string[];
  /** A negation the reader could not attach: the question is not answered rather than answered with its positive. */
  lostNegation: boolean;
  unknownNames: string[];
  corrected: Array<{ written: string; unitId: string }>;
}
