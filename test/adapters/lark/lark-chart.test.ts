import { describe, expect, it } from 'vitest';
import { CARD_LIMIT_BYTES, renderLark } from '../../../src/adapters/lark/lark-card.js';
import type { Reply } from '../../../src/core/reply.js';
import { barsChart, SERIES_COLOURS, trendChart } from '../../../src/export/chart-spec.js';

const units = Array.from({ length: 200 }, (_, i) => `测${i + 1}单位`);
const bars = barsChart({
  title: '各单位督办情况（2026年第50周）',
  units,
  series: [
    { name: '逾期', values: units.map((_, i) => i % 7), colour: SERIES_COLOURS.overdue },
    { name: '按期办结', values: units.map((_, i) => i % 11), colour: SERIES_COLOURS.onTime },
    { name: '催办', values: units.map((_, i) => i % 5), colour: SERIES_COLOURS.chases },
  ],
});
const trend = trendChart({
  title: '近 8 周督办趋势',
  labels: ['第43周', '第44周', '第45周', '第46周', '第47周', '第48周', '第49周', '第50周'],
  series: [{ name: '逾期', values: [5, 6, 4, 7, 3, 2, 4, 3], colour: SERIES_COLOURS.overdue }],
});

describe('飞书 chart component', () => {
  it('puts a VChart bar chart of 200 units and a trend line in the card, under the card size limit', () => {
    const reply: Reply = { tone: 'success', title: '督办图表（2026年第50周）', lines: ['文件：督办图表-2026年第50周-各单位.png'], charts: [bars, trend] };
    const body = renderLark(reply, {});
    expect(body.msgType).toBe('interactive');
    expect(Buffer.byteLength(body.content)).toBeLessThan(CARD_LIMIT_BYTES);
    const card = JSON.parse(body.content) as { body: { elements: Array<{ tag: string; chart_spec?: Record<string, unknown> }> } };
    const charts = card.body.elements.filter((e) => e.tag === 'chart');
    expect(charts.map((c) => c.chart_spec?.type)).toEqual(['bar', 'line']);
    const spec = charts[0]!.chart_spec as { data: Array<{ values: Array<{ l: string; s: string; v: number }> }>; xField: string[]; scrollBar?: unknown[] };
    expect(spec.data[0]?.values).toHaveLength(600);
    expect(spec.data[0]?.values[3]).toEqual({ l: '测2单位', s: '逾期', v: 1 });
    expect(spec.xField).toEqual(['l', 's']);
    expect(spec.scrollBar).toHaveLength(1);
  });

  it('leaves the charts out, saying so, when they would push the card over the limit', () => {
    const long = Array.from({ length: 400 }, (_, i) => `${i + 1}. 测${i + 1}单位｜交办 5｜当日签收 3/5｜按期办结 2/4｜逾期 1｜催办 2｜协调 0`);
    const body = renderLark({ tone: 'info', title: '督办周通报', lines: long, charts: [bars] }, {});
    expect(body.content).not.toContain('"tag":"chart"');
    expect(body.content).toContain('图表数据超出卡片大小限制');
  });
});
