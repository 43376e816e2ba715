import type { ReadResult } from '../../src/query/reading.js';

const range = (r: { from?: string; to?: string }) => `${r.from ?? ''}..${r.to ?? ''}`;

/**
 * A reading as one short line, so that a corpus entry states its whole expected reading:
 * `unit:hz open form:count`, `rank worst[上月]`, `unknown:教育厅`, `none ignored:天气不错`.
 */
export function summarize(r: ReadResult): string {
  const out: string[] = [];
  const reading = r.reading;
  if (r.unknownNames.length > 0) out.push(...r.unknownNames.map((n) => `unknown:${n}`));
  else if (!reading) out.push('none');
  else if (reading.kind === 'task') out.push(`task ${reading.code}`);
  else if (reading.kind === 'tasks') out.push(`tasks ${reading.codes.join(',')}`);
  else if (reading.kind === 'absences')
    out.push(
      `absences[${reading.label}]${reading.personId ? ` person:${reading.personId}` : ''}${reading.unitId ? ` unit:${reading.unitId}` : ''}${reading.me ? ' me' : ''}${reading.myUnit ? ' my_unit' : ''}`,
    );
  else if (reading.kind === 'activity') {
    const s = reading.subject;
    out.push(`activity[${reading.label}]${s.kind === 'unit' ? ` unit:${s.unitId}` : s.kind === 'person' ? ` person:${s.personId}` : s.kind === 'all' ? '' : ` ${s.kind}`}`);
  } else if (reading.kind === 'coordination') out.push(`coord ${reading.code}`);
  else if (reading.kind === 'help') out.push('help');
  else if (reading.kind === 'warnings') out.push(`warnings${reading.year ? `[${reading.year}]` : ''}${reading.unitId ? ` unit:${reading.unitId}` : ''}`);
  else if (reading.kind === 'coordinations')
    out.push(
      `coords${reading.unitId ? ` unit:${reading.unitId}` : ''}${reading.personId ? ` person:${reading.personId}` : ''}${reading.me ? ' me' : ''}${reading.myUnit ? ' my_unit' : ''}${reading.count ? ' count' : ''}`,
    );
  else if (reading.kind === 'tally') out.push(`tally${reading.period ? `[${reading.period.label}]` : ''}`);
  else if (reading.kind === 'rank') {
    out.push(`rank ${reading.which}${reading.period ? `[${reading.period.label}]` : ''}`);
    if (reading.unitId) out.push(`unit:${reading.unitId}`);
  } else {
    const s = reading.subject;
    out.push(s.kind === 'unit' ? `unit:${s.unitId}` : s.kind === 'person' ? `person:${s.personId}` : s.kind);
    if (reading.relation) out.push(`rel:${reading.relation}`);
    const c = reading.cond;
    if (c.state) out.push(c.state);
    if (c.acked !== undefined) out.push(c.acked ? 'acked' : 'unacked');
    if (c.overdue !== undefined) out.push(c.overdue ? 'overdue' : 'not_overdue');
    if (c.dueSoon) out.push('due_soon');
    if (c.overdueDays !== undefined) out.push(`overdue>${c.overdueDays}d`);
    if (c.key) out.push('key');
    if (c.urgent) out.push('urgent');
    if (c.extended) out.push('extended');
    if (c.verification) out.push(`verification:${c.verification}`);
    if (c.referral) out.push('referral');
    if (c.pendingRequest) out.push(`pending:${c.pendingRequest}`);
    if (c.source) out.push(`source:${c.source}`);
    if (c.deadline) out.push(`deadline:${range(c.deadline)}`);
    if (c.assigned) out.push(`assigned:${range(c.assigned)}`);
    if (c.completed) out.push(`completed:${range(c.completed)}`);
    out.push(`form:${reading.form}`);
  }
  if (r.corrected.length > 0) out.push(...r.corrected.map((c) => `typo:${c.written}`));
  if (r.ignored.length > 0 && r.unknownNames.length === 0) out.push(`ignored:${r.ignored.join('|')}`);
  if (r.unanswered) out.push(`unanswered:${r.unanswered.rest.join('|')}`);
  if (r.why) out.push('why');
  return out.join(' ');
}
