import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CommandContext } from '../core/command.js';
import { UserError } from '../core/errors.js';
import type { Reply } from '../core/reply.js';
import { canSeeTask, scopeOf } from '../domain/visibility.js';
import type { Period } from '../calendar/periods.js';
import { computeTally } from '../reports/tally.js';
import { tallyKindOf } from '../render/tally-view.js';
import { schemeColours } from '../render/task-colour.js';
import { statusText } from '../render/task-view.js';
import { splitDate } from '../time/shanghai.js';
import { unitBars, weeklyTrend } from './chart-data.js';
import { barsChart, trendChart } from './chart-spec.js';
import type { ChartPng } from './chart-png.js';
import { colourCounts } from './colour-tally.js';
import { exportPath, FILE_LIMITS, sizeRefusal, type ExportFile } from './export-file.js';
import { colourOf, type LedgerContext } from './ledger-data.js';
import { ledgerFilter, ledgerParts, type LedgerArgs } from './ledger-filter.js';
import { taskNotice, tallyNotice } from './notice-content.js';
import { documentNumber } from './official-document.js';

// exceljs, docx, ECharts and resvg load on first use: the bot and its jobs start without them.
const charts_ = () => import('./chart-png.js');
const docx_ = () => import('./docx-document.js');
const ledger_ = () => import('./export-ledger.js');

/** What 导出 produces: the reply, and the files to send after it (none when refused for size). */
export interface ExportResult {
  reply: Reply;
  files: ExportFile[];
}

const ledgerContext = (ctx: CommandContext): LedgerContext => ({
  repos: ctx.repos,
  directory: ctx.directory,
  calendar: ctx.calendar,
  today: ctx.today,
  scheme: ctx.settings.colourScheme,
  warnDays: ctx.settings.warnDays,
});

export function fileOf(path: string, kind: ExportFile['kind']): ExportFile {
  return { path, name: basename(path), kind, bytes: statSync(path).size };
}

/** The files, or a reply saying which the chat's platform cannot take, and why. */
export function deliverable(ctx: CommandContext, reply: Reply, files: ExportFile[]): ExportResult {
  const limits = ctx.settings.fileLimits ?? FILE_LIMITS;
  const refusals = files.map((f) => sizeRefusal(ctx.message.platform, f, limits)).filter((r): r is string => r !== undefined);
  if (refusals.length === 0) return { reply, files };
  return { reply: { ...reply, tone: 'warning', lines: [...(reply.lines ?? []), ...refusals] }, files: files.filter((f) => !sizeRefusal(ctx.message.platform, f, limits)) };
}

export const target = (ctx: CommandContext, name: string) => exportPath(ctx.settings.exportDir, name, existsSync);

export async function exportLedgerFile(ctx: CommandContext, a: LedgerArgs): Promise<ExportResult> {
  const scope = scopeOf(ctx.actor);
  if (scope && a.unitId && !scope.unitIds.includes(a.unitId)) {
    throw new UserError('no_permission', `只能导出本单位（或分管单位）的台账：${scope.unitIds.map((u) => ctx.directory.unitName(u)).join('、') || '本人交办或承办的事项'}。`, false);
  }
  const filter = ledgerFilter(a, scope);
  const parts = ledgerParts(a, ctx.directory);
  const path = target(ctx, `督办台账-${ctx.today}${parts.length ? `-${parts.join('-')}` : ''}.xlsx`);
  const n = await (await ledger_()).exportLedger(path, ledgerContext(ctx), filter);
  const file = fileOf(path, 'file');
  const reply: Reply = {
    tone: 'success',
    title: `督办台账已导出：${n.rows} 件事项，${n.history} 条办理记录`,
    lines: [
      `范围：${parts.length ? parts.join('，') : '全部事项'}${scope ? '（限本人可查看的单位）' : ''}${a.period ? '（按交办时间）' : ''}`,
      `文件：${file.name}（工作表：督办台账、办理记录、单位统计）`,
    ],
  };
  return deliverable(ctx, reply, [file]);
}

/** 发文字号: the next number of the year, recorded (with who asked) so numbers never repeat. */
async function nextNumber(ctx: CommandContext, kind: string, about: { taskId?: number }, details: Record<string, unknown>): Promise<string> {
  const [year] = splitDate(ctx.today);
  const subject = `document:${year}`;
  const n = (await ctx.repos.audit.forSubject(subject)).length + 1;
  const number = documentNumber(ctx.settings.documentCode, year, n);
  await ctx.audit('export_document', { kind, number, ...details }, { ...about, subject });
  return number;
}

function charts(ctx: CommandContext, period: Period, bars: ChartPng, trend: ChartPng | undefined): ExportFile[] {
  const files: ExportFile[] = [];
  const barsPath = target(ctx, `督办图表-${period.label}-各单位.png`);
  writeFileSync(barsPath, bars.png);
  files.push(fileOf(barsPath, 'image'));
  if (trend) {
    const trendPath = target(ctx, `督办图表-${period.label}-趋势.png`);
    writeFileSync(trendPath, trend.png);
    files.push(fileOf(trendPath, 'image'));
  }
  return files;
}

async function drawCharts(ctx: CommandContext, period: Period) {
  const tally = await computeTally(ctx.repos.stats, ctx.directory, period, ctx.today);
  const barData = unitBars(tally, ctx.directory, `各单位督办情况（${period.label}）`);
  const trendData = tallyKindOf(period) === 'week' || tallyKindOf(period) === 'custom' ? await weeklyTrend(ctx.repos.stats, ctx.directory, period.to, ctx.today) : undefined;
  const { unitBarsPng, trendPng } = await charts_();
  const bars = unitBarsPng(barData);
  const trend = trendData ? trendPng(trendData) : undefined;
  const replyCharts = [barsChart(barData), ...(trendData ? [trendChart(trendData)] : [])];
  return { tally, bars, trend, replyCharts };
}

export async function exportNoticeFile(ctx: CommandContext, period: Period): Promise<ExportResult> {
  const { tally, bars, trend } = await drawCharts(ctx, period);
  const number = await nextNumber(ctx, '通报', {}, { period: period.label });
  const counts = await colourCounts(ledgerContext(ctx));
  const t = ctx.repos.tasks;
  const totals = {
    assigned: await t.count({ assignedFrom: period.from, assignedTo: period.to, topLevelOnly: true }),
    completed: await t.count({ completedFrom: period.from, completedTo: period.to, topLevelOnly: true }),
    overdue: await t.count({ statuses: ['pending', 'active'], deadlineBefore: tally.cutoff, topLevelOnly: true }),
  };
  // The chart fills the type area's width (156 mm, about 590 px at 96 dpi).
  const width = 590;
  const doc = tallyNotice(
    tally,
    ctx.directory,
    { issuer: ctx.settings.issuer, number, today: ctx.today },
    {
      totals,
      colours: schemeColours(ctx.settings.colourScheme),
      colourCounts: counts,
      chart: tally.ranked.length > 0 ? { data: bars.png, width, height: Math.round((bars.height * width) / bars.width) } : undefined,
    },
  );
  const path = target(ctx, `通报-${period.label}.docx`);
  writeFileSync(path, await (await docx_()).writeDocx(doc));
  const files = [fileOf(path, 'file'), ...(tally.ranked.length > 0 ? charts(ctx, period, bars, trend) : [])];
  const reply: Reply = {
    tone: 'success',
    title: `已生成通报文稿 ${number}（${period.label}）`,
    lines: [`文件：${files.map((f) => f.name).join('、')}`, `${tally.ranked.length} 个单位列入排名。`],
    note: '文稿供审核后印发；发文字号已登记，不会重复。',
  };
  return deliverable(ctx, reply, files);
}

export async function exportTaskSheet(ctx: CommandContext, code: string, kind: '督办单' | '催办单'): Promise<ExportResult> {
  const task = await ctx.repos.tasks.findByCode(code);
  if (!task) throw new UserError('unknown_task', `没有编号为 ${code} 的事项。`, false);
  if (!canSeeTask(scopeOf(ctx.actor), task)) throw new UserError('no_permission', `${code} 不在您可查看的范围内。`, false);
  const number = await nextNumber(ctx, kind, { taskId: task.id }, { code });
  const colour = await colourOf(task, ledgerContext(ctx));
  const doc = taskNotice(
    task,
    kind,
    ctx.directory,
    { issuer: ctx.settings.issuer, number, today: ctx.today },
    {
      colour,
      status: statusText(task, { directory: ctx.directory, calendar: ctx.calendar, today: ctx.today }),
    },
  );
  const path = target(ctx, `${kind}-${task.code}.docx`);
  writeFileSync(path, await (await docx_()).writeDocx(doc));
  const file = fileOf(path, 'file');
  return deliverable(ctx, { tone: 'success', title: `已生成${kind}文稿 ${number}（${task.code}）`, lines: [`文件：${file.name}`], note: '文稿供审核后印发。' }, [file]);
}

export async function exportChartFiles(ctx: CommandContext, period: Period): Promise<ExportResult> {
  const { tally, bars, trend, replyCharts } = await drawCharts(ctx, period);
  if (tally.ranked.length === 0) return { reply: { tone: 'info', title: `${period.label}无交办、办结或逾期事项，未生成图表。` }, files: [] };
  const files = charts(ctx, period, bars, trend);
  return deliverable(ctx, { tone: 'success', title: `督办图表（${period.label}）`, lines: [`文件：${files.map((f) => f.name).join('、')}`], charts: replyCharts }, files);
}
