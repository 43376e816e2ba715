import { closeSync, openSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { COLOUR_HEX, COLOUR_LABEL, type TaskColour } from '../render/task-colour.js';
import type { HistoryRow, LedgerRow, UnitRow } from './ledger-data.js';

/**
 * The one module that knows exceljs: writes the 督办台账 workbook with its streaming writer,
 * so rows go to disk as they come and a 100k-task ledger stays within a small, flat memory.
 * Sheets: 督办台账 (one row per task), 办理记录 (every audit record), 单位统计 (per lead unit).
 * Every sheet: frozen header, filters, widths sized for Chinese text, dates as real dates.
 */

type Col = { header: string; key: string; width: number; date?: 'date' | 'time'; wrap?: boolean };

/** Widths in Excel character units; a Chinese character takes about two. */
export const LEDGER_COLUMNS: readonly Col[] = [
  { header: '编号', key: 'code', width: 11 },
  { header: '事项', key: 'title', width: 40, wrap: true },
  { header: '来源', key: 'source', width: 16 },
  { header: '交办领导', key: 'assigner', width: 10 },
  { header: '交办时间', key: 'assignedAt', width: 17, date: 'time' },
  { header: '牵头单位', key: 'lead', width: 20 },
  { header: '责任人', key: 'responsible', width: 10 },
  { header: '配合单位', key: 'co', width: 30, wrap: true },
  { header: '时限', key: 'deadline', width: 12, date: 'date' },
  { header: '原定时限', key: 'originalDeadline', width: 12, date: 'date' },
  { header: '状态', key: 'status', width: 16 },
  { header: '三色', key: 'colour', width: 7 },
  { header: '签收时间', key: 'ackedAt', width: 17, date: 'time' },
  { header: '最新进展', key: 'latestProgress', width: 40, wrap: true },
  { header: '办结时间', key: 'completedAt', width: 17, date: 'time' },
  { header: '办理结果', key: 'result', width: 40, wrap: true },
  { header: '催办次数', key: 'chases', width: 10 },
  { header: '复核', key: 'verification', width: 8 },
];

export const HISTORY_COLUMNS: readonly Col[] = [
  { header: '编号', key: 'code', width: 11 },
  { header: '时间', key: 'at', width: 17, date: 'time' },
  { header: '操作人', key: 'actor', width: 10 },
  { header: '办理情况', key: 'what', width: 60, wrap: true },
  { header: '来源', key: 'via', width: 30 },
];

const UNIT_COLUMNS: readonly Col[] = [
  { header: '牵头单位', key: 'unit', width: 22 },
  { header: '事项', key: 'lead', width: 8 },
  { header: '在办', key: 'open', width: 8 },
  { header: '办结', key: 'completed', width: 8 },
  { header: '按期办结', key: 'completedOnTime', width: 10 },
  { header: '逾期', key: 'overdue', width: 8 },
  { header: '催办', key: 'chases', width: 8 },
];

/** `2026-12-08T09:12:00+08:00` or `2026-12-15` as a Date whose UTC fields are the Shanghai wall clock (Excel has no time zones). */
export function excelDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const colLetter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, cols: readonly Col[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: {
      numFmt: c.date === 'date' ? 'yyyy-mm-dd' : c.date === 'time' ? 'yyyy-mm-dd hh:mm' : undefined,
      alignment: { vertical: 'top', wrapText: c.wrap ?? false },
    },
  }));
  ws.autoFilter = `A1:${colLetter(cols.length)}1`;
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.commit();
  return ws;
}

function values(cols: readonly Col[], row: object): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(
    cols.map((c) => {
      const v = r[c.key];
      if (c.key === 'colour') return [c.key, v ? COLOUR_LABEL[v as TaskColour] : ''];
      return [c.key, c.date ? (excelDate(v as string | undefined) ?? null) : (v ?? '')];
    }),
  );
}

export interface LedgerWorkbookInput {
  /** Ledger rows, a batch at a time (written as they come). */
  rows: AsyncIterable<LedgerRow[]>;
  /** History rows, a batch at a time; read after `rows` is exhausted. */
  history: () => AsyncIterable<HistoryRow[]>;
  /** Per-unit figures; read after the history (they are counted while the rows go by). */
  units: () => UnitRow[];
  /** The colours the scheme uses, for the per-unit sheet's columns. */
  colours: readonly TaskColour[];
}

/**
 * Lets the zip stream drain: the rows come from synchronous storage through promises, which
 * never give the event loop a turn, so without this every row would wait in memory to the end.
 */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function writeLedgerWorkbook(file: string, input: LedgerWorkbookInput): Promise<{ rows: number; history: number }> {
  // exceljs loses an error of its file stream (the write then never finishes): open the file here so it throws.
  closeSync(openSync(file, 'w'));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = '督办助手';
  let rows = 0;
  const ledger = sheet(wb, '督办台账', LEDGER_COLUMNS);
  for await (const batch of input.rows) {
    for (const r of batch) {
      const row = ledger.addRow(values(LEDGER_COLUMNS, r));
      if (r.colour) {
        row.getCell('colour').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${COLOUR_HEX[r.colour]}` } };
      }
      row.commit();
      rows += 1;
    }
    await drain();
  }
  ledger.commit();
  let history = 0;
  const hist = sheet(wb, '办理记录', HISTORY_COLUMNS);
  for await (const batch of input.history()) {
    for (const r of batch) {
      hist.addRow(values(HISTORY_COLUMNS, r)).commit();
      history += 1;
    }
    await drain();
  }
  hist.commit();
  const colourCols: Col[] = input.colours.map((c) => ({ header: `${COLOUR_LABEL[c]}色`, key: `c_${c}`, width: 8 }));
  const unitCols = [...UNIT_COLUMNS, ...colourCols];
  const units = sheet(wb, '单位统计', unitCols);
  for (const u of input.units()) {
    const colourValues = Object.fromEntries(input.colours.map((c) => [`c_${c}`, u.colours[c] ?? 0]));
    units.addRow({ ...values(UNIT_COLUMNS, u), ...colourValues }).commit();
  }
  units.commit();
  await wb.commit();
  return { rows, history };
}
