import { SOURCES } from '../domain/sources.js';
import type { TaskFilter } from '../../storage/repositories.js';
import { DONE_STATUSES, OPEN_STATUSES } from '../domain/task.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { addDays, type LocalDate } from '../time/shanghai.js';
import type { Conditions } from './reading.js';

const later = (a: LocalDate | undefined, b: LocalDate | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
const earlier = (a: LocalDate | undefined, b: LocalDate | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** The storage filter for a question's conditions (everything but who it is about). */
export function conditionFilter(c: Conditions, today: LocalDate, calendar: WorkCalendar): TaskFilter {
  const f: TaskFilter = {};
  const owed = c.overdue !== undefined || c.acked === false || c.dueSoon || c.deadline !== undefined;
  if (c.state === 'done' || c.completed) f.statuses = DONE_STATUSES;
  else if (c.state === 'paused') f.statuses = ['paused'];
  else if (c.state === 'open') f.statuses = owed ? OPEN_STATUSES : [...OPEN_STATUSES, 'paused'];
  else if (owed) f.statuses = OPEN_STATUSES;
  const done = f.statuses === DONE_STATUSES;
  if (c.overdue !== undefined) {
    if (done) f.completedLate = c.overdue;
    else if (c.overdue) f.deadlineBefore = today;
    else f.deadlineFrom = today;
  }
  if (c.acked !== undefined) f.unacknowledged = !c.acked;
  if (c.overdueDays !== undefined) f.deadlineBefore = addDays(today, -c.overdueDays);
  if (c.key) f.isKey = true;
  if (c.urgent) f.isUrgent = true;
  if (c.extended) f.extended = true;
  if (c.verification === 'false') f.reopened = true;
  if (c.verification === 'true') f.statuses = ['verified'];
  if (c.referral) f.minLadderStep = 3;
  if (c.pendingRequest) f.pendingRequest = c.pendingRequest;
  if (c.source) f.source = c.source;
  if (c.dueSoon) {
    f.deadlineFrom = later(f.deadlineFrom, today);
    f.deadlineTo = earlier(f.deadlineTo, calendar.addWorkingDays(today, 3));
  }
  if (c.deadline) {
    f.deadlineFrom = later(f.deadlineFrom, c.deadline.from);
    f.deadlineTo = earlier(f.deadlineTo, c.deadline.to);
  }
  if (c.assigned) {
    f.assignedFrom = c.assigned.from;
    f.assignedTo = c.assigned.to;
    f.topLevelOnly = true;
  }
  if (c.completed) {
    f.completedFrom = c.completed.from;
    f.completedTo = c.completed.to;
  }
  return f;
}

/** `本周到期未签收`, `逾期办结`, `12月交办`: the conditions as the words of a title. */
export function conditionLabel(c: Conditions): string {
  const parts: string[] = c.key ? ['重点'] : [];
  if (c.urgent) parts.push('紧急');
  if (c.extended) parts.push('延期');
  if (c.verification) parts.push(c.verification === 'false' ? '退回重办' : '复核属实');
  if (c.referral) parts.push('列入拟移交名单');
  if (c.pendingRequest) parts.push(c.pendingRequest === 'extension' ? '延期申请待审批' : '难以执行待答复');
  if (c.source) parts.push(SOURCES[c.source].label);
  if (c.assigned) parts.push(`${c.assigned.label}交办`);
  if (c.deadline) parts.push(`${c.deadline.label}到期`);
  if (c.completed) parts.push(c.completed.label);
  if (c.dueSoon) parts.push('3 个工作日内到期');
  const done = c.state === 'done' || c.completed !== undefined;
  if (c.overdue === true) parts.push(c.overdueDays !== undefined ? `逾期超过${c.overdueDays}天` : '逾期');
  if (c.overdue === false) parts.push(done ? '按期' : '未逾期');
  if (c.acked === false) parts.push('未签收');
  if (c.acked === true) parts.push('已签收');
  if (c.completed && !c.state) parts.push('办结');
  else if (c.state) parts.push(c.stateLabel ?? { open: '在办', done: '办结', paused: '暂缓执行' }[c.state]);
  return parts.join('');
}
