import type { Directory } from '../directory/directory.js';
import { assigningLeader } from '../domain/actions/explain.js';
import type { LadderEvent } from '../domain/ladder.js';
import type { Task } from '../domain/task.js';
import { noticeReason } from '../jobs/ladder-notices.js';
import { daysBetween } from '../time/shanghai.js';
import { documentDate, type DocumentBlock, type OfficialDocument } from './official-document.js';

/** One item of a numbered 通报: the task, the event that put it there, and its chases up to that day. */
export interface NoticeItem {
  task: Task;
  event: LadderEvent;
  chasesByThen: number;
}

const TITLE: Record<string, string> = {
  '1chase': '督办事项逾期未落实',
  '1untrue': '督办事项办理质量不高',
  '2chase': '督办事项经两次催办仍未落实',
  '2demand': '督办事项整改要求落实不力',
};

function situation(i: NoticeItem): string {
  const { task, event } = i;
  if (event.trigger === 'untrue') return '复核不实，退回重办';
  if (event.trigger === 'demand') return '整改要求逾期未落实';
  const overdue = task.deadline < event.date ? `逾期${daysBetween(task.deadline, event.date)}天，` : '';
  return `截至${documentDate(event.date).slice(5)}${overdue}被催办${i.chasesByThen}次`;
}

/**
 * A numbered 通报 of 两通报、一移交 (`督查室通报〔2026〕第3期`, `办公厅通报〔2026〕第1期`) as a
 * document: the unit it is addressed to, why, the items as they stood on the day it was issued,
 * and, for the 办公厅 step, the 说明 owed to the assigning leader. It restates what was posted.
 */
export function ladderNotice(number: string, items: NoticeItem[], d: Directory, issuer: string): OfficialDocument {
  const first = items[0];
  if (!first) throw new Error('empty notice');
  const { step, trigger, unitId, date } = first.event;
  const unit = d.unitName(unitId);
  const body: DocumentBlock[] = [
    { kind: 'paragraph', text: noticeReason(step, trigger).replace(/ (\d) /, '$1') },
    {
      kind: 'table',
      header: ['编号', '事项', '办理时限', '通报时情况', '责任人'],
      rows: items.map((i) => [
        i.task.code,
        i.task.title,
        documentDate(i.task.deadline),
        situation(i),
        i.task.units
          .filter((u) => u.role === 'lead')
          .map((u) => d.personName(u.responsibleId))
          .join('、'),
      ]),
    },
  ];
  if (step === 2) {
    const leaders = [...new Set(items.map((i) => assigningLeader(i.task, d)).filter((x): x is string => x !== undefined))];
    body.push({
      kind: 'paragraph',
      text: `请${unit}主要负责人向${leaders.length > 0 ? leaders.map((l) => d.label(l)).join('、') : '交办领导'}作出说明，并提出整改落实措施。`,
    });
  } else {
    body.push({ kind: 'paragraph', text: `请${unit}抓紧办理上述事项，及时报送办理进展和结果。` });
  }
  return {
    issuer,
    number,
    title: `关于${unit}${TITLE[`${step}${trigger}`] ?? TITLE['1chase']}的通报`,
    recipients: unit,
    body,
    signature: issuer,
    date: documentDate(date),
  };
}
