import type { Directory } from '../directory/directory.js';
import { SOURCES } from '../domain/sources.js';
import type { Task } from '../domain/task.js';
import type { Tally } from '../reports/tally.js';
import { COLOUR_LABEL, type TaskColour } from '../render/task-colour.js';
import { daysBetween, type LocalDate } from '../time/shanghai.js';
import { documentDate, type DocumentBlock, type OfficialDocument } from './official-document.js';
import { TALLY_TEXTS } from '../texts/tally.js';

/**
 * The words of exported documents, in the register of the policy documents: a 通报 of a
 * period's tallies, and a 督办单 / 催办单 for one task. The documents are drafts for the office
 * to review and issue; they state figures from the ledger and judge nothing.
 */
export interface DocumentHead {
  issuer: string;
  number: string;
  today: LocalDate;
}

const short = (d: Directory, unitId: string) => d.unit(unitId)?.aliases[0] ?? d.unitName(unitId);
const cnDate = (date: LocalDate) => documentDate(date).slice(5);

export function tallyNotice(
  tally: Tally,
  d: Directory,
  head: DocumentHead,
  o: {
    /** Distinct tasks (stages not counted): assigned and completed in the period, and past the cutoff still open today. */
    totals: { assigned: number; completed: number; overdue: number };
    colours: readonly TaskColour[];
    colourCounts: Map<string, Partial<Record<TaskColour, number>>>;
    chart?: { data: Buffer; width: number; height: number };
  },
): OfficialDocument {
  const { period } = tally;
  const body: DocumentBlock[] = [
    { kind: 'paragraph', text: `现将${period.label}（${documentDate(period.from)}至${documentDate(period.to)}）督办事项办理情况通报如下。` },
    { kind: 'heading', text: '一、总体情况' },
    {
      kind: 'paragraph',
      text: `本期交办事项${o.totals.assigned}件，办结${o.totals.completed}件；截至${cnDate(tally.cutoff)}前到期、目前仍未办结的${o.totals.overdue}件。各单位当日签收、按期办结、逾期和催办情况见下表（配合单位一并统计）。`,
    },
    { kind: 'heading', text: '二、各单位办理情况' },
  ];
  if (tally.ranked.length === 0) body.push({ kind: 'paragraph', text: TALLY_TEXTS.empty });
  else {
    body.push({
      kind: 'table',
      header: ['排名', '单位', '交办', '当日签收', '按期办结/办结', '逾期', '催办', ...o.colours.map((c) => `${COLOUR_LABEL[c]}色`)],
      rows: tally.ranked.map((u, i) => [
        String(i + 1),
        short(d, u.unitId),
        String(u.assigned),
        `${u.ackedOnTime}/${u.ackDue}`,
        `${u.completedOnTime}/${u.completed}`,
        String(u.overdue),
        String(u.chases),
        ...o.colours.map((c) => String(o.colourCounts.get(u.unitId)?.[c] ?? 0)),
      ]),
    });
    body.push({ kind: 'paragraph', text: '排名依次比较逾期件数、复核不实件数、催办次数（少者在前），按期办结率、当日签收率（高者在前）。三色为在办事项当前状态。' });
  }
  if (o.chart) body.push({ kind: 'image', ...o.chart });
  body.push({ kind: 'heading', text: '三、逾期事项' });
  body.push({
    kind: 'paragraph',
    text:
      tally.longestOverdue.length === 0
        ? '本期无逾期未办结事项。'
        : `逾期时间最长的事项：${tally.longestOverdue.map((x) => `${x.code}“${x.title}”（${short(d, x.unitId)}，逾期${daysBetween(x.deadline, tally.cutoff)}天）`).join('；')}。`,
  });
  if (tally.lateCompletions.length > 0) {
    body.push({ kind: 'paragraph', text: `逾期办结的事项：${tally.lateCompletions.map((x) => `${x.code}（${short(d, x.unitId)}）`).join('、')}。` });
  }
  body.push({ kind: 'heading', text: '四、有关要求' });
  body.push({ kind: 'paragraph', text: '请各单位对照上述情况，抓紧办理逾期事项，按时报送办理进展和结果。' });
  return { issuer: head.issuer, number: head.number, title: `关于${period.label}督办事项办理情况的通报`, recipients: '各有关单位', body, signature: head.issuer, date: documentDate(head.today) };
}

/** 督办单 (the work and its time limit) or 催办单 (the same, with how far it is overdue and how often chased). */
export function taskNotice(task: Task, kind: '督办单' | '催办单', d: Directory, head: DocumentHead, o: { colour?: TaskColour; status: string }): OfficialDocument {
  const lead = task.units.find((u) => u.role === 'lead') ?? task.units[0];
  const co = task.units.filter((u) => u.role === 'co');
  const rows: string[][] = [
    ['督办编号', task.code],
    ['督办事项', task.title],
    ['来源', SOURCES[task.source].label + (task.isKey ? '（重点）' : '')],
    ['交办领导', d.personName(task.assignerId)],
    ['交办时间', documentDate(task.assignedDate)],
    ['牵头单位', lead ? `${d.unitName(lead.unitId)}（责任人：${d.personName(lead.responsibleId)}）` : ''],
    ['配合单位', co.length > 0 ? co.map((u) => `${d.unitName(u.unitId)}（${d.personName(u.responsibleId)}）`).join('；') : '无'],
    ['办理时限', documentDate(task.deadline) + (task.originalDeadline !== task.deadline ? `（原定${documentDate(task.originalDeadline)}）` : '')],
    ['当前状态', o.status + (o.colour ? `（${COLOUR_LABEL[o.colour]}色）` : '')],
    ['催办次数', `${task.chaseCount}次`],
  ];
  const body: DocumentBlock[] = [{ kind: 'table', header: ['项目', '内容'], rows }];
  const overdueDays = task.deadline < head.today ? daysBetween(task.deadline, head.today) : 0;
  if (kind === '催办单') {
    body.push({
      kind: 'paragraph',
      text:
        overdueDays > 0
          ? `该事项办理时限为${documentDate(task.deadline)}，截至${documentDate(head.today)}已逾期${overdueDays}天，已催办${task.chaseCount}次。请你单位抓紧办理，及时报送办理进展和结果；确有困难的，请说明原因。`
          : `该事项办理时限为${documentDate(task.deadline)}，尚未办结。请你单位抓紧办理，按时报送办理进展和结果。`,
    });
  } else {
    body.push({ kind: 'paragraph', text: `请你单位按照时限要求抓紧办理，于${documentDate(task.deadline)}前将办理结果报送${head.issuer}。` });
  }
  return {
    issuer: head.issuer,
    number: head.number,
    title: kind,
    recipients: lead ? d.unitName(lead.unitId) : '有关单位',
    body,
    signature: head.issuer,
    date: documentDate(head.today),
  };
}
