import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { instantAt } from '../../src/time/shanghai.js';
import { sqliteOf } from '../support/raw-sql.js';

let h: Harness;
afterEach(() => h.close());

describe('a clock that moves backwards', () => {
  it('never runs a period earlier than one already run, warns once, and resumes when the clock has caught up', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'] });
    await h.say('孙丽', '交办 发改委 时钟测试 12月2日');
    await h.app.scheduler.tick(instantAt('2026-12-01', '10:01')); // install day
    await h.app.scheduler.tick(instantAt('2026-12-08', '09:30'));
    const runs = () => sqliteOf(h.app).prepare('SELECT job, period FROM job_runs ORDER BY job, period').all() as Array<{ job: string; period: string }>;
    const before = runs();
    expect(before.length).toBeGreaterThan(0);
    // The system clock jumps back four working days: those days' chases did not run, and must not now.
    await h.app.scheduler.tick(instantAt('2026-12-02', '09:30'));
    await h.app.scheduler.tick(instantAt('2026-12-02', '09:31'));
    expect(runs()).toEqual(before);
    expect(h.logs.filter((l) => l.includes('系统时钟倒退'))).toHaveLength(1);
    // Caught up: the next day's jobs run as usual.
    await h.app.scheduler.tick(instantAt('2026-12-09', '09:30'));
    expect(runs().length).toBeGreaterThan(before.length);
    expect(runs().some((r) => r.period < '2026-12-08' && r.period >= '2026-12-02' && !before.some((b) => b.period === r.period && b.job === r.job))).toBe(false);
    expect(h.logs.some((l) => l.includes('系统时钟已追上'))).toBe(true);
  });
});
