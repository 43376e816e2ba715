/** 难以执行 (H3) and 延期 (B四(四)) requests, answered by the assigner or 督查室. */
export type RequestKind = 'infeasible' | 'extension';

/** The three answers H3 allows to 难以执行. */
export const INFEASIBLE_DECISIONS = ['继续执行', '暂缓执行', '按新的办法执行'] as const;
export type InfeasibleDecision = (typeof INFEASIBLE_DECISIONS)[number];

export interface TaskRequest {
  id: number;
  taskId: number;
  kind: RequestKind;
  unitId: string;
  raisedBy: string;
  raisedAt: string;
  reason: string;
  proposedDeadline?: string;
  /** Local date by which the office must answer. */
  answerDue: string;
  status: 'pending' | 'answered';
  decision?: string;
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
  newDeadline?: string;
}

/** Working days within which 难以执行 may be raised after 签收, and answered after that (H3). */
export const INFEASIBLE_RAISE_DAYS = 5;
export const INFEASIBLE_ANSWER_DAYS = 3;
/** Working days the office has to answer an extension request (not fixed by the documents). */
export const EXTENSION_ANSWER_DAYS = 2;
