import { stat } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { dailyChase } from '../../src/jobs/daily-chase.js';
import type { Storage } from '../../storage/repositories.js';
import { outboxWriter } from '../../src/outbox/enqueue.js';
import { sqliteOf } from '../support/raw-sql.js';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** Overdue work in several units and chats, co-units, unsigned work and a deadline close enough to warn. */
async function province(): Promise<Harness> {
  const h = await makeHarness({ start: ['2026-12-01', '10:00'] });
  open.push(h);
  await h.say('孙丽', '交办 发改委 财政厅 编制专项债项目清单 12月2日');
  await h.say('王芳', '签收 D-0001');
  await h.say('陈立群', '交办 住建厅 海州市 报送燃气管道改造进度 12月3日', { chatId: 'other-group' });
  await h.say('孙丽', '交办 自然资源厅 调整用地布局 12月2日');
  await h.say('孙丽', '交办 发改委 梳理重大项目 12月4日');
  await h.say('王芳', '签收 D-0004');
  await h.say('孙丽', '交办 财政厅 测算专项资金 12月8日');
  await h.say('孙丽', '交办 海州市 排查危化品仓储 12月3日');
  return h;
}

/** Crashes the `at`-th transaction: before it starts ('between' pages) or after its effects, before commit ('inside'). */
function crashing(s: Storage, at: number, where: 'between' | 'inside'): Storage {
  let n = 0;
  return {
    close: () => s.close(),
    transaction(fn) {
      n += 1;
      if (n !== at) return s.transaction(fn);
      if (where === 'between') return Promise.reject(new Error('crash between pages'));
      return s.transaction(async (r) => {
        await fn(r);
        throw new Error('crash inside a page');
      });
    },
  };
}

function runner(h: Harness, storage: Storage = h.app.storage, pageSize = 1): JobRunner {
  const deps = { storage, directory: h.app.directory, calendar: h.app.calendar, clock: h.clock, settings: h.app.settings, outbox: outboxWriter, kick: () => undefined };
  return new JobRunner(deps, { ...h.app.jobs.schedule, pageSize });
}

/** Everything a chase leaves behind: what it sent and the ledger. */
function effects(h: Harness) {
  const all = (sql: string) => sqliteOf(h.app).prepare(sql).all();
  return {
    outbox: all("SELECT platform, target_kind, target_id, payload FROM outbox WHERE origin LIKE 'job:daily-chase:%' ORDER BY id"),
    chases: all('SELECT task_id, unit_id, person_id, kind, chase_no, chased_date, job_period FROM chase_log ORDER BY id'),
    audit: all("SELECT action, task_id, details, job FROM audit_log WHERE actor_id = 'system' ORDER BY id"),
    ladder: all('SELECT task_id, unit_id, step, trigger, event_date, notice FROM ladder_events ORDER BY id'),
    tasks: all('SELECT code, chase_count, ladder_step, last_chased_date FROM tasks ORDER BY id'),
    runs: all("SELECT period, messages, detail FROM job_runs WHERE job = 'daily-chase' ORDER BY period"),
  };
}

const DAYS = ['2026-12-07', '2026-12-08'];

/** The chase's occurrence on `date`, the clock set to 09:00 that morning. */
function chaseAt(h: Harness, date: string) {
  h.at(date, '09:00');
  const occ = h.app.jobs.occurrence(dailyChase, date);
  if (!occ) throw new Error('no chase');
  return occ;
}

/** The chase of `date` in one go with the default page size. */
async function reference(): Promise<ReturnType<typeof effects>> {
  const h = await province();
  for (const date of DAYS) {
    const occ = chaseAt(h, date);
    expect((await h.app.jobs.run(dailyChase, occ)).status).toBe('ran');
  }
  return effects(h);
}

describe('the paged daily chase', () => {
  it('gives the same messages and ledger one task per page as in one go, and the run records its pages', async () => {
    const want = await reference();
    expect(want.outbox.length).toBeGreaterThan(5);
    expect(want.ladder.length).toBeGreaterThan(0);
    const h = await province();
    for (const date of DAYS) {
      const occ = chaseAt(h, date);
      expect((await runner(h).run(dailyChase, occ)).status).toBe('ran');
      expect((await runner(h).run(dailyChase, occ)).status).toBe('already');
    }
    expect(effects(h)).toEqual(want);
    const cursors = sqliteOf(h.app).prepare("SELECT period, pages FROM job_cursors WHERE job = 'daily-chase' ORDER BY period").all() as Array<{ pages: number }>;
    expect(cursors.map((c) => c.pages).every((p) => p > 5)).toBe(true);
  });

  it('resumes after a crash at any page, between pages or inside one, and sends nothing twice', async () => {
    const want = await reference();
    // How many transactions a run of the first day takes one task per page.
    const probe = await province();
    await runner(probe).run(dailyChase, chaseAt(probe, DAYS[0] ?? ''));
    const pages = (sqliteOf(probe.app).prepare("SELECT pages FROM job_cursors WHERE job = 'daily-chase'").get() as { pages: number }).pages + 1;
    expect(pages).toBeGreaterThan(5);

    for (let at = 1; at <= pages; at++) {
      for (const where of ['between', 'inside'] as const) {
        const h = await province();
        for (const date of DAYS) {
          const occ = chaseAt(h, date);
          if (date === DAYS[0]) await expect(runner(h, crashing(h.app.storage, at, where)).run(dailyChase, occ)).rejects.toThrow(/crash/);
          // The restarted process: the scheduler finds the run unrecorded and runs it again.
          expect(await h.app.storage.transaction((r) => r.jobRuns.find('daily-chase', occ.period))).toBeUndefined();
          expect((await runner(h).run(dailyChase, occ)).status).toBe('ran');
          expect((await runner(h).run(dailyChase, occ)).status).toBe('already');
        }
        expect(effects(h), `crash ${where} at transaction ${at}`).toEqual(want);
        await h.close();
        open.splice(open.indexOf(h), 1);
      }
    }
  });

  it('lets the storage settle between pages, never inside a transaction', async () => {
    const h = await province();
    const occ = chaseAt(h, '2026-12-07');
    const s = h.app.storage;
    let open = 0;
    const seen: string[] = [];
    const settling: Storage = {
      close: () => s.close(),
      async transaction(fn) {
        open += 1;
        seen.push('page');
        try {
          return await s.transaction(fn);
        } finally {
          open -= 1;
        }
      },
      async settle() {
        seen.push(open === 0 ? 'settle' : 'settle inside a transaction');
      },
    };
    expect((await runner(h, settling).run(dailyChase, occ)).status).toBe('ran');
    const pages = seen.filter((x) => x === 'page').length;
    expect(pages).toBeGreaterThan(5);
    // After every page but the last, which records the run.
    expect(seen).toEqual(
      Array.from({ length: pages }, () => ['page', 'settle'])
        .flat()
        .slice(0, -1),
    );
  });

  it('starts every page in a later turn of the event loop than the page before, with its timers run between, when a settle ends with I/O', async () => {
    const h = await province();
    const occ = chaseAt(h, '2026-12-07');
    const s = h.app.storage;
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    const starts: number[] = [];
    let settles = 0;
    const io: Storage = {
      close: () => s.close(),
      async transaction(fn) {
        starts.push(ticks);
        // A page that takes a while, as at full size: the 1 ms timer is due when it ends.
        const until = performance.now() + 3;
        while (performance.now() < until) {}
        return s.transaction(fn);
      },
      // Every other settle waits for the checkpoint worker, whose message arrives as I/O (poll
      // phase); the others have nothing to wait for.
      settle: () => (++settles % 2 === 1 ? new Promise<void>((resolve) => stat('.', () => resolve())) : Promise.resolve()),
    };
    try {
      expect((await runner(h, io).run(dailyChase, occ)).status).toBe('ran');
    } finally {
      clearInterval(timer);
    }
    expect(starts.length).toBeGreaterThan(5);
    for (let i = 1; i < starts.length; i++) expect(starts[i], `page ${i + 1} started in the same turn as page ${i}`).toBeGreaterThan(starts[i - 1] as number);
  });

  it('answers a command between two pages of a running chase', async () => {
    const h = await province();
    const occ = chaseAt(h, '2026-12-07');
    const chase = runner(h).run(dailyChase, occ);
    // The command is queued behind the first page only: its answer comes before the run ends.
    const order: string[] = [];
    const asked = h.say('王芳', '查询 D-0001').then(() => order.push('answer'));
    await Promise.all([chase.then(() => order.push('chase done')), asked]);
    expect(order).toEqual(['answer', 'chase done']);
  });
});
