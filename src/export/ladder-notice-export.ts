import { writeFileSync } from 'node:fs';
import type { CommandContext } from '../core/command.js';
import { UserError } from '../core/errors.js';
import { NOTICE_ISSUER, noticeNumber } from '../domain/ladder.js';
import { canSeeTask, scopeOf } from '../domain/visibility.js';
import { deliverable, fileOf, target, type ExportResult } from './export-actions.js';
import { ladderNotice, type NoticeItem } from './ladder-notice-content.js';
import type { NoticeRef } from './notice-number.js';

/** 发文机关 of the second step's 通报: the 办公厅 of the government whose 督查室 issues the first. */
export function officeIssuer(issuer: string): string {
  return issuer.endsWith('督查室') ? `${issuer.slice(0, -3)}办公厅` : '省人民政府办公厅';
}

/**
 * 导出 通报 督查室通报〔2026〕第3期: the numbered 通报 the ladder posted, as a .docx in the
 * GB/T 9704 layout, under its own number (no new 发文字号 is taken). `第3期` alone means the
 * year's only series with that number; when both have one, the answer names both.
 */
export async function exportLadderNotice(ctx: CommandContext, ref: NoticeRef): Promise<ExportResult> {
  const series = ref.series ? [ref.series] : Object.values(NOTICE_ISSUER);
  const found: Array<{ number: string; events: Awaited<ReturnType<typeof ctx.repos.ladder.eventsForNotice>> }> = [];
  for (const s of series) {
    const number = noticeNumber(s, ref.year, ref.n);
    const events = await ctx.repos.ladder.eventsForNotice(number);
    if (events.length > 0) found.push({ number, events });
  }
  const asked = ref.series ? noticeNumber(ref.series, ref.year, ref.n) : `${ref.year}年第${ref.n}期通报`;
  const hit = found[0];
  if (!hit) throw new UserError('bad_arguments', `没有${asked}。「查询 考核台账」列出已发的通报期号。`, false);
  if (found.length > 1) {
    throw new UserError('bad_arguments', `${ref.year}年第${ref.n}期有 ${found.length} 份：${found.map((f) => f.number).join('、')}。请写全期号，如「导出 通报 ${hit.number}」。`, false);
  }
  const scope = scopeOf(ctx.actor);
  const items: NoticeItem[] = [];
  for (const event of hit.events) {
    const task = await ctx.repos.tasks.findById(event.taskId);
    if (!task) continue;
    if (!canSeeTask(scope, task)) throw new UserError('no_permission', `${hit.number} 涉及您可查看范围以外的事项。`, false);
    const chasesByThen = (await ctx.repos.chases.forTask(task.id)).filter((c) => c.kind === 'overdue' && c.chasedDate <= event.date).length;
    items.push({ task, event, chasesByThen });
  }
  const step = hit.events[0]?.step === 2 ? 2 : 1;
  const issuer = step === 2 ? officeIssuer(ctx.settings.issuer) : ctx.settings.issuer;
  const doc = ladderNotice(hit.number, items, ctx.directory, issuer);
  const path = target(ctx, `${hit.number}.docx`);
  writeFileSync(path, await (await import('./docx-document.js')).writeDocx(doc));
  const file = fileOf(path, 'file');
  return deliverable(
    ctx,
    {
      tone: 'success',
      title: `已生成通报文稿 ${hit.number}（${ctx.directory.unitName(hit.events[0]?.unitId ?? '')}，${items.length} 件事项）`,
      lines: [`文件：${file.name}`],
      note: '按当日发出的通报整理，供审核后印发。',
    },
    [file],
  );
}
