import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ReplyChart } from '../core/reply.js';
import { exportPath, type ExportFile } from './export-file.js';

/** Characters a file name cannot carry on the platforms' file systems. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;

/**
 * A reply's charts drawn as PNG pictures under the export folder (for platforms that cannot draw
 * the chart in the message): `督办图表-各单位督办情况（上周，12月7日—12月13日）.png`. ECharts and resvg load on first use.
 */
export async function chartFiles(charts: readonly ReplyChart[], dir: string): Promise<ExportFile[]> {
  if (charts.length === 0) return [];
  const { trendPng, unitBarsPng } = await import('./chart-png.js');
  const files: ExportFile[] = [];
  for (const c of charts) {
    const png = c.kind === 'bar' ? unitBarsPng({ title: c.title, units: c.labels, series: c.series }) : trendPng({ title: c.title, labels: c.labels, series: c.series });
    const path = exportPath(dir, `督办图表-${c.title.replace(UNSAFE, '')}.png`, existsSync);
    writeFileSync(path, png.png);
    files.push({ path, name: basename(path), kind: 'image', bytes: statSync(path).size });
  }
  return files;
}
