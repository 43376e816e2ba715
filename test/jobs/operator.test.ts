import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '../../storage/sqlite/driver.js';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { sqliteOf } from '../support/raw-sql.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const job = (args: string[], db: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/run-job.ts', ...args, '--db', db], {
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DIRECTORY: '' },
    timeout: 60_000,
  });

describe('npm run job', () => {
  it('--dry-run prints what would be sent and records nothing; a real run records once', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'job-')), 'duban.db');
    h = await makeHarness({ dbFile: db, start: ['2026-12-01', '10:00'] });
    await h.say('孙丽', '交办 发改委 编制清单 12月2日');
    await h.close();
    h = undefined;

    const dry = job(['daily-chase', '--at', '2026-12-07 09:00', '--dry-run'], db);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('每日督办（逐级催办、催签收、预警） 2026-12-07：试运行（未发送、未记录）');
    expect(dry.stdout).toContain('D-0001 编制清单｜12月2日到期，逾期 5 天｜第 1 次催办');
    const check = () => {
      const d = new Database(db, { readonly: true });
      const r = {
        runs: (d.prepare('SELECT count(*) AS n FROM job_runs').get() as { n: number }).n,
        chase: (d.prepare("SELECT chase_count AS n FROM tasks WHERE code = 'D-0001'").get() as { n: number }).n,
      };
      d.close();
      return r;
    };
    expect(check()).toEqual({ runs: 0, chase: 0 });

    const real = job(['daily-chase', '--at', '2026-12-07 09:00'], db);
    expect(real.stdout).toContain('2026-12-07：已运行');
    expect(check()).toEqual({ runs: 1, chase: 1 });
    const again = job(['daily-chase', '--at', '2026-12-07 09:00'], db);
    expect(again.stdout).toContain('该期已运行过，未重复执行');
    expect(check()).toEqual({ runs: 1, chase: 1 });

    const unknown = job(['nightly'], db);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('没有「nightly」这个任务');
  });
});

describe('real-time scheduler', () => {
  it('catches up at start and ticks on node-cron without ever taking the process down', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:05'] });
    await h.say('孙丽', '交办 发改委 编制清单 12月18日');
    h.app.scheduler.start();
    await h.app.scheduler.stop();
    const runs = sqliteOf(h.app).prepare('SELECT job FROM job_runs ORDER BY job').all();
    expect(runs).toEqual([{ job: 'calendar-warning' }, { job: 'coordination' }, { job: 'daily-chase' }, { job: 'deployment-chase' }, { job: 'leader-digest' }, { job: 'weekly-tally' }]);
  });

  it('logs a failing job and goes on with the others', async () => {
    h = await makeHarness({ start: ['2026-12-04', '10:00'] });
    await h.say('孙丽', '交办 发改委 编制清单 12月18日'); // left unsigned: Monday's chase writes to the ledger
    h.at('2026-12-07', '09:05');
    sqliteOf(h.app).exec('DROP TABLE chase_log'); // so the daily chase fails
    await h.app.scheduler.tick();
    expect(h.logs.some((l) => l.includes('job failed') && l.includes('daily-chase'))).toBe(true);
    const runs = sqliteOf(h.app).prepare('SELECT job FROM job_runs ORDER BY job').all();
    // The failed runs (the chase, and the tally that counts chases) left no record and can run
    // again; the others ran.
    expect(runs).toEqual([{ job: 'calendar-warning' }, { job: 'coordination' }, { job: 'deployment-chase' }, { job: 'leader-digest' }]);
  });
});
