import type { ReplyChart } from '../../core/reply.js';

/** Bars shown at once before the chart scrolls. */
const VISIBLE_BARS = 20;

/**
 * A reply chart as the card's chart element (schema 2.0 `chart`, a VChart spec). Data rows are
 * kept short (`l` label, `s` series, `v` value) so 200 units × 3 series fit in a card.
 */
export function chartElement(c: ReplyChart): Record<string, unknown> {
  const values = c.labels.flatMap((l, i) => c.series.map((s) => ({ l, s: s.name, v: s.values[i] ?? 0 })));
  const common = {
    title: { text: c.title },
    data: [{ id: 'd', values }],
    yField: 'v',
    seriesField: 's',
    color: c.series.map((s) => s.colour),
    legends: { visible: true, orient: 'top' },
  };
  const spec =
    c.kind === 'bar'
      ? {
          type: 'bar',
          ...common,
          xField: ['l', 's'],
          ...(c.labels.length > VISIBLE_BARS ? { scrollBar: [{ orient: 'bottom', start: 0, end: VISIBLE_BARS / c.labels.length, roam: true }] } : {}),
        }
      : { type: 'line', ...common, xField: 'l', point: { visible: true }, label: { visible: true } };
  return { tag: 'chart', aspect_ratio: '16:9', chart_spec: spec };
}
