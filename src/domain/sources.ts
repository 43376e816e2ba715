import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LocalDate } from '../time/shanghai.js';
import { addMonths } from '../time/shanghai.js';
import { nameKey } from '../directory/name-key.js';

/** Where a task comes from; each source has its own default time limit (DOMAIN.md). */
export type SourceKind = 'superior_document' | 'meeting' | 'instruction' | 'npc_suggestion' | 'npc_motion' | 'cppcc_proposal' | 'leader_research' | 'citizen_message' | 'general';

interface SourceRule {
  label: string;
  aliases: string[];
  /** Why the default is what it is, quoted in replies. */
  basis: string;
  /** Default deadline, or a reason why one must be given. */
  defaultDeadline(today: LocalDate, calendar: WorkCalendar): LocalDate | { required: string };
  /** Latest allowed deadline, if the rules cap it. */
  maxDeadline?(assignedDate: LocalDate): LocalDate;
}

export const SOURCES: Record<SourceKind, SourceRule> = {
  superior_document: {
    label: '上级文件',
    aliases: ['上级文件', '文件', '重大决策部署', '决策部署', '重大决策', '上级部署', '上级决策部署'],
    basis: '上级重要文件、重大决策部署当天报主要负责人，最多3天内布置落实（H1）；未明确办结时限的，3个月内报告落实情况（B四(四)）',
    defaultDeadline: (today, cal) => cal.onOrAfter(addMonths(today, 3)),
  },
  meeting: {
    label: '会议决定事项',
    aliases: ['会议', '会议决定', '会议决定事项', '常务会议', '专题会议', '全体会议', '会议纪要'],
    basis: '会议决定事项按会议确定的时限办理（B三(三)）',
    defaultDeadline: () => ({ required: '会议决定事项须写明会议确定的时限' }),
  },
  instruction: {
    label: '领导批示',
    aliases: ['领导批示', '批示', '领导交办', '批示件', '交办事项'],
    basis: '领导批示件和交办事项即收即办、限时办结（B三(四)）',
    defaultDeadline: () => ({ required: '领导批示件即收即办、限时办结，须写明办结时限' }),
  },
  npc_suggestion: {
    label: '人大建议',
    aliases: ['人大建议', '人大代表建议', '代表建议', '建议'],
    basis: '人大代表建议一般在交办后3个月内答复，最长不超过6个月（B三(六)）',
    defaultDeadline: (today, cal) => cal.onOrAfter(addMonths(today, 3)),
    maxDeadline: (d) => addMonths(d, 6),
  },
  npc_motion: {
    label: '人大议案',
    aliases: ['人大议案', '议案', '领衔办理议案', '人大代表议案', '领衔办理'],
    basis: '人大议案（领衔办理）6个月内办结（B三(六)）',
    defaultDeadline: (today, cal) => cal.onOrAfter(addMonths(today, 6)),
    maxDeadline: (d) => addMonths(d, 6),
  },
  cppcc_proposal: {
    label: '政协提案',
    aliases: ['政协提案', '提案', '政协委员提案'],
    basis: '政协提案一般在交办后3个月内答复，最长不超过6个月（B三(六)）',
    defaultDeadline: (today, cal) => cal.onOrAfter(addMonths(today, 3)),
    maxDeadline: (d) => addMonths(d, 6),
  },
  leader_research: {
    label: '领导调研明确事项',
    aliases: ['领导调研', '调研', '领导调研明确事项', '调研事项', '调研明确事项'],
    basis: '领导调研明确的事项在规定时间内办结（B三(五)）',
    defaultDeadline: () => ({ required: '领导调研明确的事项须在规定时间内办结（B三(五)），请写明时限' }),
  },
  citizen_message: {
    label: '网民留言',
    aliases: ['网民留言', '留言', '网友留言', '人民网留言', '领导留言板'],
    basis: '网民留言原则上10个工作日内办结（B三(七)）',
    defaultDeadline: (today, cal) => cal.addWorkingDays(today, 10),
  },
  general: {
    label: '一般交办',
    aliases: ['一般', '其他', '一般交办', '日常'],
    basis: '没有明确时限要求的，3个月内报告落实情况（B四(四)）',
    defaultDeadline: (today, cal) => cal.onOrAfter(addMonths(today, 3)),
  },
};

const aliasIndex = new Map<string, SourceKind>();
for (const [kind, rule] of Object.entries(SOURCES) as [SourceKind, SourceRule][]) {
  for (const a of [rule.label, ...rule.aliases]) aliasIndex.set(nameKey(a), kind);
}

export function findSource(text: string): SourceKind | undefined {
  return aliasIndex.get(nameKey(text));
}

export function sourceLabels(): string {
  return Object.values(SOURCES)
    .map((s) => s.label)
    .join('、');
}
