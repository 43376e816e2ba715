import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { LEDGER_COLUMNS, HISTORY_COLUMNS } from '../../src/export/xlsx-ledger.js';

let h: Harness;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-export-'));
  h = await makeHarness({ settings: { exportDir: dir } });
  await h.say('陈立群', '交办 发改委 财政厅 制定营商环境优化提升实施方案 12月15日');
  await h.say('孙丽', '交办 住建厅 老旧小区改造摸底 12月9日');
  await h.say('孙丽', '交办 海州市 港口扩建前期工作 12月30日');
  h.at('2026-12-07', '09:12');
  await h.say('王芳', '签收 D-0001');
  await h.say('王芳', '进展 D-0001 60% 方案初稿完成');
  h.at('2026-12-08', '15:30');
  await h.say('杨帆', '办结 D-0002 已完成全省摸底，形成清单');
  await h.until('2026-12-16', '10:00');
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const utc = (y: number, m: number, d: number, hh = 0, mm = 0) => new Date(Date.UTC(y, m - 1, d, hh, mm));

async function exported(name: string, text: string) {
  const r = await h.say(name, text);
  const file = r.messages.find((m) => m.file)?.file;
  return { r, file };
}

async function open(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((k, i) => [k, v[i] ?? null])));
  });
  return out;
}

describe('导出 台账', () => {
  it('writes every column, one row per task, dates as dates, and the complete history', async () => {
    const { r, file } = await exported('孙丽', '导出 台账');
    expect(r.result.outcome).toBe('handled');
    expect(r.text).toContain('督办台账已导出：3 件事项');
    expect(file?.path.startsWith(dir)).toBe(true);
    expect(file?.name).toBe('督办台账-2026-12-16.xlsx');
    const wb = await open(file!.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督办台账', '办理记录', '单位统计']);
    const ledger = wb.getWorksheet('督办台账')!;
    expect((ledger.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ledger.autoFilter).toBe('A1:R1');
    expect(ledger.getColumn(2).width).toBeGreaterThanOrEqual(30);
    const rows = rowsOf(ledger);
    expect(rows.map((x) => x['编号'])).toEqual(['D-0001', 'D-0002', 'D-0003']);
    const [d1, d2, d3] = rows;
    expect(d1).toMatchObject({
      事项: '制定营商环境优化提升实施方案',
      来源: '一般交办',
      交办领导: '陈立群',
      牵头单位: '省发展改革委',
      责任人: '王芳',
      交办时间: utc(2026, 12, 7, 9, 0),
      时限: utc(2026, 12, 15),
      原定时限: utc(2026, 12, 15),
      签收时间: utc(2026, 12, 7, 9, 12),
      三色: '红',
      复核: null,
    });
    expect(String(d1?.['配合单位'])).toContain('省财政厅');
    expect(String(d1?.['状态'])).toMatch(/^逾期/);
    expect(String(d1?.['最新进展'])).toContain('60% 方案初稿完成');
    expect(Number(d1?.['催办次数'])).toBeGreaterThanOrEqual(1);
    expect(d1?.['办结时间']).toBeNull();
    expect(d2).toMatchObject({ 办结时间: utc(2026, 12, 8, 15, 30), 办理结果: '已完成全省摸底，形成清单', 三色: null });
    expect(String(d2?.['状态'])).toMatch(/已办结|已复核/);
    expect(d3).toMatchObject({ 牵头单位: '海州市政府', 三色: '绿', 配合单位: null });

    const history = wb.getWorksheet('办理记录')!;
    expect((history.getRow(1).values as unknown[]).slice(1)).toEqual(HISTORY_COLUMNS.map((c) => c.header));
    const records = await h.app.storage.transaction(async (repos) => {
      const all = [];
      for (const code of ['D-0001', 'D-0002', 'D-0003']) all.push(...(await repos.audit.forTask((await repos.tasks.findByCode(code))!.id)));
      return all;
    });
    const hist = rowsOf(history);
    expect(hist).toHaveLength(records.length);
    expect(hist.every((x) => x['时间'] instanceof Date && String(x['办理情况']).length > 0)).toBe(true);
    expect(hist.filter((x) => x['编号'] === 'D-0001').map((x) => x['办理情况'])).toEqual(
      expect.arrayContaining([expect.stringContaining('交办'), expect.stringContaining('签收'), expect.stringContaining('报送进展 60%'), expect.stringContaining('第 1 次催办')]),
    );
    const units = rowsOf(wb.getWorksheet('单位统计')!);
    expect(units.map((u) => u['牵头单位'])).toEqual(['省发展改革委', '省住房城乡建设厅', '海州市政府']);
    expect(units[0]).toMatchObject({ 事项: 1, 在办: 1, 逾期: 1, 红色: 1, 黄色: 0, 绿色: 0 });
    expect(units[2]).toMatchObject({ 绿色: 1 });
  });

  it('keeps withdrawn work in the 台账, marked 已撤销, out of the unit figures', async () => {
    await h.say('孙丽', '撤销交办 D-0003 港口规划调整，不再单独交办');
    const { r, file } = await exported('孙丽', '导出 台账');
    expect(r.text).toContain('督办台账已导出：3 件事项');
    const wb = await open(file!.path);
    const d3 = rowsOf(wb.getWorksheet('督办台账')!).find((x) => x['编号'] === 'D-0003');
    expect(d3).toMatchObject({ 状态: '已撤销', 三色: null });
    expect(rowsOf(wb.getWorksheet('办理记录')!).some((x) => x['编号'] === 'D-0003' && String(x['办理情况']).includes('撤销交办：港口规划调整'))).toBe(true);
    expect(rowsOf(wb.getWorksheet('单位统计')!).map((u) => u['牵头单位'])).toEqual(['省发展改革委', '省住房城乡建设厅']);
  });

  it('filters by unit, period and status', async () => {
    const overdue = await exported('孙丽', '导出 台账 逾期');
    expect(overdue.r.text).toContain('1 件事项');
    const byUnit = await exported('孙丽', '导出 台账 住建厅 本月 办结');
    expect(byUnit.file?.name).toBe('督办台账-2026-12-16-住建厅-本月-办结.xlsx');
    const rows = rowsOf((await open(byUnit.file!.path)).getWorksheet('督办台账')!);
    expect(rows.map((x) => x['编号'])).toEqual(['D-0002']);
    const none = await exported('孙丽', '导出 台账 上月');
    expect(none.r.text).toContain('0 件事项');
  });

  it('gives a unit head the ledger of the unit only, and refuses another unit and handlers', async () => {
    const own = await exported('李明', '导出 台账');
    expect(rowsOf((await open(own.file!.path)).getWorksheet('督办台账')!).map((x) => x['编号'])).toEqual(['D-0001']);
    const other = await h.say('李明', '导出 台账 海州市');
    expect(other.result.outcome).toBe('refused');
    expect(other.text).toContain('只能导出本单位');
    expect(other.messages.some((m) => m.file)).toBe(false);
    const handler = await h.say('王芳', '导出 台账');
    expect(handler.result.outcome).toBe('refused');
  });

  it('answers a malformed export with what was not understood and the correct forms', async () => {
    const r = await h.say('孙丽', '导出 台账 火星');
    expect(r.text).toContain('看不懂「火星」');
    expect(r.text).toContain('导出 台账 [单位] [时段] [状态]');
    expect((await h.say('孙丽', '导出 报表')).text).toContain('不能导出「报表」');
    expect((await h.say('孙丽', '导出 督办单')).text).toContain('须写一个事项编号');
  });
});
