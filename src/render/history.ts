import type { AuditRecord } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import { shortFromIso } from '../time/shanghai.js';
import { isAuditAction, type AuditAction } from '../domain/audit-actions.js';

type Describe = (d: Record<string, unknown>, dir: Directory) => string;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const unitName = (v: unknown, dir: Directory): string => dir.unitName(str(v));
const TRIGGERS: Record<string, string> = { chase: '催办', untrue: '复核不实、退回重办', demand: '整改要求落实不力' };

/**
 * How each audit action reads in a history (a task's, and the export's history sheet). Keyed
 * by the AuditAction union: an action without a label does not compile. A stored action this
 * code no longer knows falls back to its name, so history never breaks.
 */
export const HISTORY_LABELS: Record<AuditAction, Describe> = {
  // A stage is recorded as its own assignment, by whoever split the task: it was split, not assigned.
  assign: (d, dir) => `${d.stageOf ? `分解 ${str(d.stageOf)} 形成本阶段` : '交办'}，牵头 ${unitName(d.lead, dir)}，时限 ${str(d.deadline)}`,
  acknowledge: (d, dir) => `签收（${unitName(d.unit, dir)}${d.implicit ? '，随进展报送视同签收' : ''}）`,
  progress: (d) => `报送进展${d.percent !== undefined && d.percent !== null ? ` ${str(d.percent)}%` : ''}${str(d.text) ? `：${str(d.text)}` : ''}`,
  withdraw: (d) =>
    `撤销交办：${str(d.reason)}${d.stageOf ? `（随 ${str(d.stageOf)} 撤销）` : ''}${Array.isArray(d.coordinations) && d.coordinations.length > 0 ? `；协调 ${d.coordinations.map(str).join('、')} 随之结束` : ''}${Array.isArray(d.requests) && d.requests.length > 0 ? `；待审批的${d.requests.map(str).join('、')}随之了结` : ''}`,
  complete: (d) => `${d.auto ? '各阶段办结，事项随之办结' : '办结'}：${str(d.result)}`,
  coordinate_open: (d, dir) => `提请协调 ${str(d.code)}：${str(d.reason)}（首问负责 ${dir.personName(str(d.owner))}${d.ownerNote ? `，${str(d.ownerNote)}` : ''}）`,
  coordinate_opinion: (d) => `出具协调意见 ${str(d.code)}：${str(d.opinion)}`,
  coordinate_stance: (d, dir) =>
    `${(Array.isArray(d.units) ? d.units : []).map((u) => dir.unitName(str(u))).join('、')}表态${d.stance === 'agree' ? '同意' : '不同意'}${d.position ? `：${str(d.position)}` : ''}（${str(d.code)}${Array.isArray(d.awaitingHead) && d.awaitingHead.length > 0 ? '，待主要负责人确认' : ''}）`,
  coordinate_escalate: (d) => `${str(d.code)} 提请${['副秘书长', '分管领导', '主要领导'][Number(d.to)] ?? ''}协调：${str(d.why)}`,
  coordinate_close: (d) => `${str(d.code)} 各方均已表态同意，协调完成（随此次表态）`,
  coordinate_confirm: (d, dir) => `确认${(Array.isArray(d.units) ? d.units : []).map((u) => dir.unitName(str(u))).join('、')}的表态（${str(d.code)}，主要负责人签字）`,
  coordinate_substitute: (d, dir) => `${str(d.code)} 转由 ${dir.personName(str(d.to))} 协调：${str(d.why)}`,
  coordinate_disagree: (d, dir) => `${(Array.isArray(d.units) ? d.units : []).map((u) => dir.unitName(str(u))).join('、')}不同意分管领导协调意见：${str(d.position)}（${str(d.code)}）`,
  infeasible_raise: (d, dir) => `反馈难以执行（${unitName(d.unit, dir)}）：${str(d.reason)}`,
  infeasible_answer: (d) => `答复：${str(d.decision)}${d.note ? `，${str(d.note)}` : ''}${d.newDeadline ? `，新时限 ${str(d.newDeadline)}` : ''}${d.late ? '（超时答复）' : ''}`,
  resume: (d) => `恢复执行，暂缓 ${str(d.pausedDays)} 个工作日，时限顺延至 ${str(d.to)}`,
  extension_request: (d) => `申请延期至 ${str(d.proposed)}${Number(d.nth) > 1 ? `（第 ${str(d.nth)} 次）` : ''}：${str(d.reason)}`,
  extension_approve: (d) => `批准延期：${str(d.from)} → ${str(d.to)}${d.repeat ? `（第 ${str(d.nth)} 次延期）` : ''}`,
  extension_refuse: (d) => `驳回延期申请：${str(d.note)}`,
  handover: (d, dir) => `转交：${dir.personName(str(d.from))} → ${dir.personName(str(d.to))}${d.scope === 'assigner' ? '（交办人职责）' : ''}`,
  verify_draw: (d) => `列入复核（${d.reason === 'key' ? '重点事项' : '随机抽取'}）`,
  verify_result: (d) => `复核${d.result === 'true' ? '属实' : '不实'}${d.note ? `：${str(d.note)}` : ''}`,
  reopen: (d) => `退回重办，时限 ${str(d.deadline)}`,
  stage_split: (d) => `分解为 ${str(d.stages)} 个阶段`,
  chase: (d) => `第 ${str(d.n)} 次催办（逾期 ${str(d.overdueDays)} 天）`,
  ladder_step: (d) => {
    const step = ['', '督查室通报，记入日常考核工作台账', '办公厅通报，须由单位主要负责人作出说明', '列入拟移交名单'][Number(d.step)] || '逐级督办';
    const trigger = TRIGGERS[str(d.trigger)];
    return `${step}${trigger ? `（${trigger}）` : ''}${d.notice ? `：${str(d.notice)}` : ''}`;
  },
  rectify_demand: (d) => `提出整改要求：${str(d.text)}（截止 ${str(d.due)}）`,
  explanation: (d, dir) => `向 ${dir.personName(str(d.leader))} 作出说明：${str(d.text)}；整改措施：${str(d.measures)}`,
  explanation_accept: (d) => `认定单位说明属实，不再逐级上报${d.withdrawn ? '，移出拟移交名单' : ''}${d.remark ? `：${str(d.remark)}` : ''}`,
  referral_propose: (d, dir) => `提请 ${dir.personName(str(d.approver))} 决定是否移交纪检监察机关：${str(d.reason)}`,
  referral_approve: (d, dir) => `同意移交纪检监察机关（主办单位负责人 ${dir.personName(str(d.head))}，直接责任人 ${dir.personName(str(d.direct))}）${d.note ? `：${str(d.note)}` : ''}`,
  referral_refuse: (d) => `不予移交：${str(d.note)}`,
  part_done: (d, dir) => `配合部分已完成（${unitName(d.unit, dir)}）：${str(d.text)}`,
  excuse_propose: (d) => `提出免责（容错）：${str(d.reason)}，待秘书长确认`,
  excuse_confirm: (d) => `确认免责：${str(d.reason)}${d.note ? `（${str(d.note)}）` : ''}，不计入日常考核工作台账和排名`,
  excuse_refuse: (d) => `不予免责：${str(d.note)}`,
  follow_up: (d) => `再督查 ${str(d.of)}：${str(d.demand)}`,
  warning: (d, dir) => `效能告诫 ${str(d.code)}（${d.person ? dir.personName(str(d.person)) : dir.unitName(str(d.unit))}）：${str(d.reason)}`,
  warning_withdraw: (d) => `撤销效能告诫 ${str(d.code)}：${str(d.reason)}`,
  plan_explanation: (d, dir) => `${dir.unitName(str(d.unit))} ${str(d.year)}年度书面说明：${str(d.text)}`,
  export_document: (d) => `生成${str(d.kind)}文稿 ${str(d.number)}`,
  handover_person: (d, dir) => `${dir.personName(str(d.from))} 名下 ${str(d.items)} 项工作整体转交 ${dir.personName(str(d.to))}`,
  deploy: (d, dir) => `部署落实（${unitName(d.unit, dir)}）：${str(d.text)}${d.due ? `，须于 ${str(d.due)} 前报送` : ''}`,
  absence_set: (d, dir) => `登记 ${dir.personName(str(d.personId))} 请假 ${str(d.from)} 至 ${str(d.to)}${d.reason ? `：${str(d.reason)}` : ''}`,
  absence_end: (d, dir) => `${dir.personName(str(d.personId))} 销假`,
  acting_set: (d, dir) => `${unitName(d.unit, dir)} 由 ${dir.personName(str(d.acting))} 代行主要负责人职责（${str(d.from)} 至 ${str(d.to)}）`,
  acting_end: (d, dir) => `${unitName(d.unit, dir)} 代行安排结束`,
  bind: (d, dir) => `绑定 ${str(d.platform)} 账号 ${str(d.accountId)} → ${dir.personName(str(d.personId))}${d.replace ? '（替换原绑定）' : ''}`,
  bind_requested: (d, dir) => `申请绑定 ${str(d.platform)} 账号 ${str(d.accountId)} → ${dir.personName(str(d.personId))}，待另一位管理员确认`,
  bind_remembered: (d, dir) => `记住 ${str(d.platform)} 联系人 ${str(d.accountId)} 为 ${dir.personName(str(d.personId))}`,
  unbind: (d, dir) => `解除 ${dir.personName(str(d.personId))} 的 ${str(d.platform)} 账号绑定`,
  block_account: (d) => `停用 ${str(d.platform)} 账号 ${str(d.accountId)}`,
  unblock_account: (d) => `启用 ${str(d.platform)} 账号 ${str(d.accountId)}`,
  register_group: (d) => `登记工作群 ${str(d.platform)} ${str(d.chatId)}`,
  unregister_group: (d) => `注销工作群 ${str(d.platform)} ${str(d.chatId)}`,
};

/** The label of a stored action, or its name when this code does not know it. */
export function describeAction(action: string, details: Record<string, unknown>, dir: Directory): string {
  return isAuditAction(action) ? HISTORY_LABELS[action](details, dir) : action;
}

export function historyLine(r: AuditRecord, dir: Directory): string {
  return `${shortFromIso(r.at)} ${historyActor(r, dir)} ${describeAction(r.action, r.details, dir)}`;
}

/** Acts the bot takes by rule inside a person's message: the 复核 draw, 缺位递补, closing an agreed coordination. */
const BY_RULE: ReadonlySet<string> = new Set(['verify_draw', 'coordinate_substitute', 'coordinate_close']);

/**
 * Who a record shows as having acted. What the bot does by rule inside someone's message (drawing
 * a completion for 复核, completing a task with its last stage) is the bot's act, not that person's:
 * the record keeps the message it came from, but the history never names the person as the actor.
 */
export function historyActor(r: Pick<AuditRecord, 'actorId' | 'action' | 'details'>, dir: Directory): string {
  const byRule = BY_RULE.has(r.action) || (r.action === 'complete' && r.details.auto === true);
  return r.actorId === 'system' || byRule ? '系统' : dir.personName(r.actorId);
}
