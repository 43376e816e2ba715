import { describe, expect, it } from 'vitest';
import { trendPng, unitBarsPng } from '../../src/export/chart-png.js';
import { unitBarsSvg } from '../../src/export/echarts-svg.js';
import { SERIES_COLOURS } from '../../src/export/chart-spec.js';
import { countColour, decodePng } from '../support/png.js';
import { makeHarness } from '../support/harness.js';

const UNITS = ['发改委', '财政厅', '自然资源厅', '住建厅', '交通厅', '生态环境厅', '海州市', '江城市', '南岭市', '办公厅'];

describe('charts rendered on the server', () => {
  it('draws the per-unit bars as a PNG of the expected size, with each series’ colour and Chinese text', () => {
    const chart = unitBarsPng({
      title: '各单位督办情况（2026年第50周）',
      units: UNITS,
      series: [
        { name: '逾期', values: [3, 1, 0, 2, 0, 1, 4, 0, 1, 0], colour: SERIES_COLOURS.overdue },
        { name: '按期办结', values: [5, 2, 3, 1, 4, 2, 0, 3, 2, 1], colour: SERIES_COLOURS.onTime },
        { name: '催办', values: [4, 1, 0, 3, 0, 1, 6, 0, 1, 0], colour: SERIES_COLOURS.chases },
      ],
    });
    const img = decodePng(chart.png);
    expect([img.width, img.height]).toEqual([960, 560]);
    const total = img.width * img.height;
    const white = countColour(img, '#FFFFFF', 4);
    // Not blank: a real share of the picture is drawn, and every series shows in its colour.
    expect(white / total).toBeLessThan(0.9);
    expect(countColour(img, SERIES_COLOURS.overdue, 6)).toBeGreaterThan(2000);
    expect(countColour(img, SERIES_COLOURS.onTime, 6)).toBeGreaterThan(2000);
    expect(countColour(img, SERIES_COLOURS.chases, 6)).toBeGreaterThan(2000);
    // Dark glyph pixels in the title band: the CJK font was found (a missing font draws nothing).
    let dark = 0;
    for (let y = 10; y < 45; y++) {
      for (let x = 280; x < 680; x++) {
        const o = (y * img.width + x) * 4;
        if ((img.pixels[o] ?? 255) < 120 && (img.pixels[o + 1] ?? 255) < 120 && (img.pixels[o + 2] ?? 255) < 120) dark++;
      }
    }
    expect(dark).toBeGreaterThan(500);
  });

  it('draws the trend line over recent weeks', () => {
    const chart = trendPng({
      title: '近 8 周督办趋势',
      labels: ['第43周', '第44周', '第45周', '第46周', '第47周', '第48周', '第49周', '第50周'],
      series: [
        { name: '逾期', values: [5, 6, 4, 7, 3, 2, 4, 3], colour: SERIES_COLOURS.overdue },
        { name: '按期办结', values: [2, 4, 5, 3, 6, 7, 5, 8], colour: SERIES_COLOURS.onTime },
      ],
    });
    const img = decodePng(chart.png);
    expect([img.width, img.height]).toEqual([960, 480]);
    expect(countColour(img, SERIES_COLOURS.overdue, 10)).toBeGreaterThan(500);
    expect(countColour(img, SERIES_COLOURS.onTime, 10)).toBeGreaterThan(500);
  });

  it('widens the bar chart with the number of units, turning crowded names', () => {
    const names = Array.from({ length: 60 }, (_, i) => `第${i + 1}单位`);
    const { width, svg } = unitBarsSvg({ title: 't', units: names, series: [{ name: '逾期', values: names.map(() => 1), colour: SERIES_COLOURS.overdue }] });
    expect(width).toBe(120 + 60 * 42);
    expect(svg).toContain('第60单位');
    expect(svg).toMatch(/transform="matrix\(0\.707,-0\.707,0\.707,0\.707,[\d.]+,[\d.]+\)"[^>]*>第60单位/);
  });
});

describe('charts in 周报 and 统计', () => {
  it('carry the per-unit bars and the trend over the 8 weeks up to the period, for Lark to draw in the card', async () => {
    const h = await makeHarness();
    try {
      await h.say('陈立群', '交办 发改委 制定实施方案 12月15日');
      for (const cmd of ['周报 本周', '统计 本月']) {
        const reply = (await h.say('孙丽', cmd)).messages[0]?.reply;
        expect(
          reply?.charts?.map((c) => c.kind),
          cmd,
        ).toEqual(['bar', 'line']);
        const trend = reply?.charts?.[1];
        expect(trend?.labels).toEqual(['第43周', '第44周', '第45周', '第46周', '第47周', '第48周', '第49周', '第50周']);
        expect(trend?.series.find((s) => s.name === '交办')?.values.at(-1)).toBe(1);
      }
    } finally {
      await h.close();
    }
  });
});
