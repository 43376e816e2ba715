import type { TrendLines, UnitBars } from './chart-spec.js';
import { CHART_FONT, trendSvg, unitBarsSvg } from './echarts-svg.js';
import { svgToPng } from './resvg-png.js';

/** A chart as PNG bytes with its pixel size. */
export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
}

export function unitBarsPng(c: UnitBars): ChartPng {
  const { svg, width, height } = unitBarsSvg(c);
  return { png: svgToPng(svg, CHART_FONT), width, height };
}

export function trendPng(c: TrendLines): ChartPng {
  const { svg, width, height } = trendSvg(c);
  return { png: svgToPng(svg, CHART_FONT), width, height };
}
