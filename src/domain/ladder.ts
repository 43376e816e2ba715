import type { LocalDate } from '../time/shanghai.js';

/**
 * 两通报、一移交 (B五(一)). Step 1: the 督查室 issues a 通报 and the item enters the
 * 日常考核工作台账; step 2: the 办公厅 issues a 通报 and the unit's 主要负责人 explains to the
 * assigning leader; step 3: the item is listed for 拟移交, and only the leader's approval hands
 * it over to the 纪检监察机关.
 */
export type LadderStep = 1 | 2 | 3;

/** What moved the task onto a step: a chase, a 复核不实 (退回重办), or a leader's 整改要求 not carried out. */
export type LadderTrigger = 'chase' | 'untrue' | 'demand';

export const STEP_LABEL: Record<LadderStep, string> = {
  1: '督查室通报，记入日常考核工作台账',
  2: '办公厅通报，单位主要负责人作出说明',
  3: '列入拟移交名单',
};

export const TRIGGER_LABEL: Record<LadderTrigger, string> = {
  chase: '催办',
  untrue: '复核不实、退回重办',
  demand: '领导整改要求落实不力',
};

/** Who issues the notice of each step. */
export const NOTICE_ISSUER: Record<1 | 2, string> = { 1: '督查室通报', 2: '办公厅通报' };

/** `督查室通报〔2026〕第3期`. */
export function noticeNumber(issuer: string, year: number, n: number): string {
  return `${issuer}〔${year}〕第${n}期`;
}

export interface LadderEvent {
  id: number;
  taskId: number;
  rootId: number;
  unitId: string;
  step: LadderStep;
  trigger: LadderTrigger;
  date: LocalDate;
  at: string;
  notice?: string;
}

/** A leader's 整改要求, or a unit head's 说明 owed to the assigning leader. */
export interface LadderNote {
  id: number;
  taskId: number;
  kind: 'demand' | 'explanation';
  authorId: string;
  leaderId: string;
  text: string;
  measures?: string;
  due?: LocalDate;
  at: string;
  date: LocalDate;
  /** demand: open → met | escalated; explanation: open (not yet in a digest) → delivered → accepted. */
  status: 'open' | 'met' | 'escalated' | 'accepted' | 'delivered';
}

/** The 拟移交 list and the leader's decision on it. */
export interface HandoverProposal {
  id: number;
  taskId: number;
  status: 'listed' | 'proposed' | 'approved' | 'refused' | 'withdrawn';
  listedAt: string;
  proposedBy?: string;
  proposedAt?: string;
  reason?: string;
  approverId?: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
  /** 主办单位负责人 and 直接责任人, named when the handover is approved. */
  headId?: string;
  directId?: string;
}

export { LEADER_ROLES, isLeader } from './roles.js';
