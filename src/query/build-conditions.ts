import { SOURCES } from '../domain/sources.js';
import { type LocalDate } from '../time/shanghai.js';
import { weekOf } from '../calendar/periods.js';
import type { Conditions, DateRange } from './reading.js';
import type { Slots } from './slots.js';

/** The conditions of a list question (state, signing, overdue, times, marks, source) read from its slots; words it cannot use go to `ignored`. */
function rangeOf(slot: Slots['times'][number]): DateRange {
  if (slot.kind === 'before') return { to: slot.to, label: slot.label };
  return { from: slot.from, to: slot.to, label: slot.label };
}

export function conditionsOf(s: Slots, today: LocalDate, ignored: string[]): Conditions {
  const c: Conditions = {};
  let dueWord = false;
  let assignedWord = false;
  let weakOpen = s.impliesOpen;
  const lost = (text: string) => {
    ignored.push(text);
    s.lostNegation = true;
  };
  const setState = (state: 'open' | 'done' | 'paused', label: string) => {
    if (c.state && c.state !== state) {
      ignored.push(label);
      return;
    }
    c.state = state;
    c.stateLabel = label;
  };
  for (const st of s.statuses) {
    switch (st.status) {
      case 'done':
        if (st.negated) setState('open', '未办结');
        else setState('done', '办结');
        break;
      case 'ack':
        c.acked = !st.negated;
        break;
      case 'overdue':
        c.overdue = !st.negated;
        break;
      case 'due':
        if (st.negated) c.overdue = false;
        else dueWord = true;
        break;
      case 'due_soon':
        if (st.negated) lost(`未${st.text}`);
        else c.dueSoon = true;
        break;
      case 'assigned':
        if (st.negated) lost(`未${st.text}`);
        else assignedWord = true;
        break;
      case 'open':
        if (st.negated) lost(`不${st.text}`);
        else if (st.weak) weakOpen = true;
        else setState('open', st.text === '待办' ? '待办' : '在办');
        break;
      case 'paused':
        if (st.negated) lost(`未${st.text}`);
        else setState('paused', '暂缓执行');
        break;
    }
  }
  if (s.negatedVerb) setState('open', '未办结');
  if (s.overdueDays !== undefined && c.overdue === true && c.state !== 'done') c.overdueDays = s.overdueDays;
  if (s.key) c.key = true;
  if (s.urgent) c.urgent = true;
  if (s.extended) c.extended = true;
  if (s.verification) c.verification = s.verification;
  if (s.referral) c.referral = true;
  if (s.pendingRequest) c.pendingRequest = s.pendingRequest;
  if (s.sources[0]) c.source = s.sources[0];
  // One source a question: another named is said, not dropped.
  for (const other of new Set(s.sources.slice(1))) if (other !== c.source) ignored.push(`${SOURCES[other].label}（一次查询一种来源）`);
  if (s.ontime) {
    if (c.state === 'done') c.overdue = c.overdue ?? false;
    else if (c.state === 'open' && c.stateLabel === '未办结') c.overdue = true;
    else ignored.push('按时');
  }
  const slot = s.times[0];
  if (s.times.length > 1) ignored.push(...s.times.slice(1).map((t) => t.label));
  if (slot) {
    const range = rangeOf(slot);
    if (assignedWord) c.assigned = range;
    else if (c.state === 'done' && !dueWord) c.completed = range;
    else if (dueWord || c.overdue !== undefined || c.acked !== undefined || c.state !== undefined || c.dueSoon || weakOpen) c.deadline = range;
    else c.assigned = range;
  } else if (dueWord && !c.dueSoon) {
    const w = weekOf(today);
    c.deadline = { from: w.from, to: w.to, label: w.label };
  }
  const anyStatus = c.state !== undefined || c.acked !== undefined || c.overdue !== undefined || c.dueSoon || c.deadline !== undefined;
  if (weakOpen && !anyStatus) setState('open', '在办');
  if (weakOpen && c.deadline && c.state === undefined && c.acked === undefined && c.overdue === undefined) setState('open', '在办');
  return c;
}
