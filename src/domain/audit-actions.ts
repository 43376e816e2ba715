/**
 * Every action the ledger records. Each one must have a history label
 * (src/render/history.ts is keyed by this union, so a missing label is a compile error).
 */
export const AUDIT_ACTIONS = [
  // tasks
  'assign',
  'acknowledge',
  'progress',
  'complete',
  'handover',
  'handover_person',
  'stage_split',
  'deploy',
  'part_done',
  'withdraw',
  // exceptions
  'coordinate_open',
  'coordinate_opinion',
  'coordinate_stance',
  'coordinate_escalate',
  'coordinate_close',
  'coordinate_confirm',
  'coordinate_substitute',
  'coordinate_disagree',
  'infeasible_raise',
  'infeasible_answer',
  'resume',
  'extension_request',
  'extension_approve',
  'extension_refuse',
  // verification and the ladder
  'verify_draw',
  'verify_result',
  'reopen',
  'chase',
  'ladder_step',
  'rectify_demand',
  'explanation',
  'explanation_accept',
  'referral_propose',
  'referral_approve',
  'referral_refuse',
  // people, accounts and groups
  'absence_set',
  'absence_end',
  'acting_set',
  'acting_end',
  'bind',
  'bind_requested',
  'bind_remembered',
  'unbind',
  'block_account',
  'unblock_account',
  'register_group',
  'unregister_group',
  // 考核与台账
  'warning',
  'warning_withdraw',
  'excuse_propose',
  'excuse_confirm',
  'excuse_refuse',
  'follow_up',
  'plan_explanation',
  // documents
  'export_document',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(s: string): s is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(s);
}
