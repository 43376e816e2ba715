import * as echarts from 'echarts';
import type { TrendLines, UnitBars } from './chart-spec.js';

/**
 * The one module that knows ECharts: its server-side SVG renderer (no DOM, no canvas, no
 * browser). Text uses the shipped CJK font's family name, which the PNG renderer loads.
 */
export const CHART_FONT = 'Noto Sans SC';

function svgOf(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#FFFFFF', textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Grouped bars per unit; the picture widens with the number of units (names turn when crowded). */
export function unitBarsSvg(c: UnitBars): { svg: string; width: number; height: number } {
  const width = Math.max(960, Math.min(8000, 120 + c.units.length * 42));
  const height = 560;
  const crowded = c.units.length > 12;
  const svg = svgOf(
    {
      title: { text: c.title, left: 'center', top: 12, textStyle: { fontSize: 22, fontFamily: CHART_FONT } },
      legend: { top: 48, textStyle: { fontSize: 14, fontFamily: CHART_FONT } },
      grid: { left: 60, right: 30, top: 90, bottom: crowded ? 130 : 60 },
      xAxis: { type: 'category', data: c.units, axisLabel: { interval: 0, rotate: crowded ? 45 : 0, fontSize: 13, fontFamily: CHART_FONT } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 13 } },
      series: c.series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.colour }, barMaxWidth: 28 })),
    },
    width,
    height,
  );
  return { svg, width, height };
}

export function trendSvg(c: TrendLines): { svg: string; width: number; height: number } {
  const width = 960;
  const height = 480;
  const svg = svgOf(
    {
      title: { text: c.title, left: 'center', top: 12, textStyle: { fontSize: 22, fontFamily: CHART_FONT } },
      legend: { top: 48, textStyle: { fontSize: 14, fontFamily: CHART_FONT } },
      grid: { left: 70, right: 60, top: 90, bottom: 50 },
      xAxis: { type: 'category', data: c.labels, boundaryGap: false, axisLabel: { fontSize: 13, fontFamily: CHART_FONT } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 13 } },
      series: c.series.map((s) => ({ type: 'line', name: s.name, data: s.values, itemStyle: { color: s.colour }, lineStyle: { width: 3 }, symbolSize: 8, label: { show: true, fontSize: 12 } })),
    },
    width,
    height,
  );
  return { svg, width, height };
}
