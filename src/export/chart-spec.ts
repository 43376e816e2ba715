import type { ReplyChart } from '../core/reply.js';

/**
 * Chart data, independent of the library that draws it: a bar chart per unit (逾期, 按期办结,
 * 催办) and a trend line over recent weeks. Both ECharts (PNG on the server) and the Lark card's
 * VChart component are built from these.
 */
export interface UnitBars {
  title: string;
  units: string[];
  series: Array<{ name: string; values: number[]; colour: string }>;
}

export interface TrendLines {
  title: string;
  /** Week labels, oldest first: 第45周 … */
  labels: string[];
  series: Array<{ name: string; values: number[]; colour: string }>;
}

export const SERIES_COLOURS = { overdue: '#D9363E', onTime: '#2BA471', chases: '#F2B200', assigned: '#2F6BDE' } as const;

/** The platform-neutral chart of a reply (Lark draws it in the card). */
export function barsChart(c: UnitBars): ReplyChart {
  return { kind: 'bar', title: c.title, labels: c.units, series: c.series };
}

export function trendChart(c: TrendLines): ReplyChart {
  return { kind: 'line', title: c.title, labels: c.labels, series: c.series };
}
