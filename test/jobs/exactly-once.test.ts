import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { instantAt } from '../../src/time/shanghai.js';
import { SendError } from '../../src/outbox/outgoing.js';
import { sqliteOf } from '../support/raw-sql.js';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close().catch(() => undefined);
});

async function boot(dbFile: string, date: string, time: string): Promise<Harness> {
  const h = await makeHarness({ dbFile, start: [date, time] });
  open.push(h);
  return h;
}
const freshDb = () => join(mkdtempSync(join(tmpdir(), 'jobs-')), 'duban.db');
const count = (h: Harness, sql: string) => (sqliteOf(h.app).prepare(sql).get() as { n: number }).n;

describe('exactly once', () => {
  it('a restart in the middle of the day sends nothing twice', async () => {
    const db = freshDb();
    const a = await boot(db, '2026-12-03', '10:00');
    await a.say('孙丽', '交办 发改委 编制清单 12月4日');
    await a.app.scheduler.tick(instantAt('2026-12-03', '10:01')); // first start records the install day
    a.at('2026-12-07', '09:01');
    await a.app.scheduler.tick(a.clock.now());
    await a.app.dispatcher.kick();
    const sentBefore = a.sent.length;
    expect(a.sent.some((m) => m.reply.title.startsWith('每日督办提醒 · 12月7日'))).toBe(true);
    const outbox = count(a, 'SELECT count(*) AS n FROM outbox');
    await a.close();
    open.splice(open.indexOf(a), 1);

    const b = await boot(db, '2026-12-07', '11:30');
    await b.app.scheduler.tick(b.clock.now());
    await b.app.scheduler.tick(instantAt('2026-12-07', '11:31'));
    await b.app.dispatcher.kick();
    expect(b.sent).toEqual([]); // nothing re-sent by the second process
    expect(count(b, 'SELECT count(*) AS n FROM outbox')).toBe(outbox);
    expect(count(b, "SELECT count(*) AS n FROM job_runs WHERE job = 'daily-chase' AND period = '2026-12-07'")).toBe(1);
    expect((await b.app.storage.transaction((r) => r.tasks.findByCode('D-0001')))?.chaseCount).toBe(1);
    expect(sentBefore).toBeGreaterThan(0);
  });

  it('a bot down over Monday 09:00 posts the weekly tally once when it comes back', async () => {
    const db = freshDb();
    const a = await boot(db, '2026-12-04', '10:00'); // Friday
    await a.say('孙丽', '交办 发改委 编制清单 12月18日');
    await a.app.scheduler.tick(a.clock.now());
    await a.close();
    open.splice(open.indexOf(a), 1);

    // Down all weekend and Monday morning; back at 11:00.
    const b = await boot(db, '2026-12-07', '11:00');
    await b.app.scheduler.tick(b.clock.now());
    await b.app.dispatcher.kick();
    const tallies = b.sent.filter((m) => m.reply.title.startsWith('督办周通报'));
    expect(tallies).toHaveLength(1);
    expect(tallies[0]?.reply.title).toBe('督办周通报（上周，11月30日—12月6日）');
    await b.app.scheduler.tick(instantAt('2026-12-07', '11:01'));
    await b.close();
    open.splice(open.indexOf(b), 1);
    const c = await boot(db, '2026-12-07', '14:00');
    await c.app.scheduler.tick(c.clock.now());
    await c.app.dispatcher.kick();
    expect(c.sent.filter((m) => m.reply.title.startsWith('督办周通报'))).toEqual([]);
  });

  it('a chase missed on its day is not sent late the next day, but reports are', async () => {
    const db = freshDb();
    const a = await boot(db, '2026-12-03', '10:00');
    await a.say('孙丽', '交办 发改委 编制清单 12月3日 来源:批示');
    await a.app.scheduler.tick(a.clock.now());
    await a.close();
    open.splice(open.indexOf(a), 1);
    // Down from Thursday 10:00 until Monday 08:45: Friday's chase is not sent late.
    const b = await boot(db, '2026-12-07', '08:45');
    expect(await b.app.scheduler.due(b.clock.now())).toEqual([]);
    const later = await b.app.scheduler.due(instantAt('2026-12-07', '09:05'));
    expect(later.map((o) => `${o.job}:${o.period}`)).toEqual([
      'weekly-tally:2026-W49',
      'calendar-warning:2026-W50',
      'daily-chase:2026-12-07',
      'leader-digest:2026-12-07',
      'deployment-chase:2026-12-07',
      'coordination:2026-12-07',
    ]);
    await b.app.scheduler.tick(instantAt('2026-12-07', '09:05'));
    expect(count(b, "SELECT count(*) AS n FROM job_runs WHERE period = '2026-12-04'")).toBe(0);
    expect((await b.app.storage.transaction((r) => r.tasks.findByCode('D-0001')))?.chaseCount).toBe(1);
  });

  it('an outbox message survives a send failure and is delivered later, exactly once', async () => {
    const h = await makeHarness();
    open.push(h);
    let failures = 2;
    const delivered: number[] = [];
    h.app.dispatcher.register({
      platform: 'console',
      async send(m) {
        if (failures > 0) {
          failures -= 1;
          throw new SendError('platform unreachable', true);
        }
        delivered.push(m.id);
        return { remoteId: `r-${m.id}` };
      },
    });
    await h.say('孙丽', '交办 发改委 编制清单 12月18日');
    expect(delivered).toEqual([]);
    expect(await h.app.storage.transaction((r) => r.outbox.pendingCount())).toBe(1);
    h.clock.advance(2_000);
    await h.app.dispatcher.kick();
    expect(delivered).toEqual([]); // second failure: backs off again
    h.clock.advance(10_000);
    await h.app.dispatcher.kick();
    await h.app.dispatcher.kick();
    expect(delivered).toHaveLength(1);
    expect(await h.app.storage.transaction((r) => r.outbox.pendingCount())).toBe(0);
    const row = sqliteOf(h.app).prepare('SELECT status, attempts, last_error FROM outbox').get();
    expect(row).toEqual({ status: 'sent', attempts: 3, last_error: 'platform unreachable' });
  });

  it('a message left pending by a crash is delivered by the next process', async () => {
    const db = freshDb();
    const a = await boot(db, '2026-12-07', '09:00');
    a.app.dispatcher.register({
      platform: 'console',
      send: async () => {
        throw new SendError('offline', true);
      },
    });
    await a.say('孙丽', '交办 发改委 编制清单 12月18日');
    await a.close();
    open.splice(open.indexOf(a), 1);
    const b = await boot(db, '2026-12-07', '10:00');
    await b.app.dispatcher.kick();
    expect(b.sent.map((m) => m.reply.title)).toEqual(['已交办 D-0001']);
    await b.app.dispatcher.kick();
    expect(b.sent).toHaveLength(1);
  });
});
