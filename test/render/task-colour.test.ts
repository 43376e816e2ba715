import { afterEach, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load-calendar.js';
import { cardOf } from '../../src/adapters/lark/lark-card.js';
import { colourMark, taskColour, taskSignal } from '../../src/render/task-colour.js';
import type { TaskStatus } from '../../src/domain/task.js';
import { makeHarness, type Harness } from '../support/harness.js';

const calendar = loadCalendar();
// 2026-12-01 (Tue) to 2026-12-31 (Thu): 22 working days.
const task = (o: { status?: TaskStatus; deadline?: string; progress?: number } = {}) => ({
  status: o.status ?? 'active',
  assignedDate: '2026-12-01',
  deadline: o.deadline ?? '2026-12-31',
  progress: o.progress,
});
const at = (today: string, warnDays = 3) => ({ today, calendar, warnDays });

describe('三色 status', () => {
  it('is red once the deadline in force has passed, yellow within the warning days, green on track', () => {
    expect(taskColour(task({ deadline: '2026-12-07' }), '红黄绿', at('2026-12-08'))).toBe('red');
    expect(taskColour(task({ deadline: '2026-12-10' }), '红黄绿', at('2026-12-07'))).toBe('yellow');
    expect(taskColour(task({ deadline: '2026-12-11' }), '红黄绿', at('2026-12-07'))).toBe('green');
    expect(taskColour(task({ deadline: '2026-12-07' }), '红黄绿', at('2026-12-07'))).toBe('yellow');
  });

  it('counts warning days in working days: a weekend in between does not make it near', () => {
    // Fri 12-04 → Wed 12-09 is 3 working days (Mon, Tue, Wed).
    expect(taskSignal(task({ deadline: '2026-12-09' }), at('2026-12-04'))).toBe('near');
    expect(taskSignal(task({ deadline: '2026-12-10' }), at('2026-12-04'))).toBe('ok');
  });

  it('is behind pace when the reported share is below the share of working days elapsed', () => {
    // 12-16: 11 of 22 working days gone, so 50% is on pace and 40% behind.
    expect(taskSignal(task({ progress: 40 }), at('2026-12-16'))).toBe('behind');
    expect(taskSignal(task({ progress: 50 }), at('2026-12-16'))).toBe('ok');
    expect(taskSignal(task(), at('2026-12-16'))).toBe('ok');
    expect(taskSignal(task(), { ...at('2026-12-16'), stages: { total: 4, done: 1 } })).toBe('behind');
    expect(taskSignal(task(), { ...at('2026-12-16'), stages: { total: 4, done: 2 } })).toBe('ok');
  });

  it('has no colour when completed, verified or paused', () => {
    for (const status of ['completed', 'verified', 'paused'] as const) {
      expect(taskColour(task({ status, deadline: '2026-12-02' }), '红黄绿', at('2026-12-20'))).toBeUndefined();
    }
  });

  it('in the 蓝黄红 scheme: blue near the deadline, yellow behind, red overdue, none on track', () => {
    expect(taskColour(task({ deadline: '2026-12-09' }), '蓝黄红', at('2026-12-07'))).toBe('blue');
    expect(taskColour(task({ progress: 10 }), '蓝黄红', at('2026-12-16'))).toBe('yellow');
    expect(taskColour(task({ deadline: '2026-12-07' }), '蓝黄红', at('2026-12-08'))).toBe('red');
    expect(taskColour(task(), '蓝黄红', at('2026-12-07'))).toBeUndefined();
    expect(colourMark('blue')).toBe('🔵蓝');
    expect(colourMark(undefined)).toBe('');
  });
});

describe('三色 on the Lark task card', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('colours the card header by the task’s colour, falling back to the tone', async () => {
    expect((cardOf({ tone: 'info', title: 't', colour: 'red' }, {}).header as { template: string }).template).toBe('red');
    expect((cardOf({ tone: 'info', title: 't' }, {}).header as { template: string }).template).toBe('blue');
    h = await makeHarness({ settings: { colourScheme: '红黄绿' } });
    await h.say('陈立群', '交办 发改委 制定实施方案 12月15日');
    expect((await h.app.bot.taskCard('D-0001'))?.colour).toBe('green');
    h.at('2026-12-11', '10:00');
    expect((await h.app.bot.taskCard('D-0001'))?.colour).toBe('yellow');
    h.at('2026-12-16', '10:00');
    expect((await h.app.bot.taskCard('D-0001'))?.colour).toBe('red');
    const done = await h.say('王芳', '办结 D-0001 已印发实施方案');
    expect(done.result.outcome, done.text).toBe('handled');
    expect((await h.app.bot.taskCard('D-0001'))?.colour).toBeUndefined();
  });
});
