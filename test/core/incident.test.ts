import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Incident } from '../../src/core/incident.js';
import { createLogger } from '../../src/core/logger.js';

describe('an incident is one ERROR line and one recovery line', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const world = () => {
    const lines: string[] = [];
    const incident = new Incident(createLogger('info', { write: (l) => lines.push(l) }), '数据库无法写入', 2000);
    const levels = () => lines.map((l) => JSON.parse(l) as { level: string; msg: string; failures?: number });
    return { incident, levels };
  };

  it('counts failures that come between successes of a flapping outage into the same incident', () => {
    const { incident, levels } = world();
    expect(incident.number).toBe(0);
    expect(incident.fail(new Error('full'))).toBe(true);
    expect(incident.number).toBe(1);
    incident.ok(); // a commit that happened to fit
    vi.advanceTimersByTime(500);
    expect(incident.fail(new Error('full'))).toBe(false);
    incident.fail(new Error('full'));
    incident.ok();
    vi.advanceTimersByTime(1999);
    expect(levels().map((l) => l.level)).toEqual(['ERROR']);
    expect(incident.active).toBe(true);
    vi.advanceTimersByTime(1);
    expect(levels().map((l) => [l.level, l.failures])).toEqual([
      ['ERROR', undefined],
      ['INFO', 3],
    ]);
    expect(levels()[1]!.msg).toBe('数据库无法写入：已恢复');
    expect(incident.active).toBe(false);
    expect(incident.number).toBe(1); // one outage, however it flapped
    // A later failure is a new incident.
    expect(incident.fail(new Error('full'))).toBe(true);
    expect(incident.number).toBe(2);
  });

  it('reports a recovery still in its quiet period when the bot stops, and nothing without an incident', () => {
    const { incident, levels } = world();
    incident.ok();
    incident.settle();
    expect(levels()).toEqual([]);
    incident.fail(new Error('full'));
    incident.ok();
    incident.settle();
    expect(levels().map((l) => l.level)).toEqual(['ERROR', 'INFO']);
    vi.advanceTimersByTime(5000);
    expect(levels()).toHaveLength(2);
  });
});
