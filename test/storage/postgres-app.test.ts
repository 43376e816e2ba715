import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { instantAt } from '../../src/time/shanghai.js';
import { openStorage } from '../../storage/open-storage.js';

const available = pgAvailable();
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close().catch(() => undefined);
});
const boot = async (dbFile: string, start: [string, string] = ['2026-12-03', '10:00']) => {
  const h = await makeHarness({ dbFile, start });
  open.push(h);
  return h;
};

describe.skipIf(!available)('the bot on PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 180_000);
  afterAll(() => cluster?.stop());

  it('runs the same commands with the same answers as on SQLite', async () => {
    const answers = async (dbFile: string) => {
      const h = await boot(dbFile);
      const out = [(await h.say('孙丽', '交办 发改委 编制清单 12月4日')).text, (await h.say('王芳', '签收 D-0001')).text, (await h.say('孙丽', '查询 D-0001')).text];
      await h.close();
      open.splice(open.indexOf(h), 1);
      return out;
    };
    const onSqlite = await answers(':memory:');
    const onPg = await answers(await cluster.freshDatabase());
    expect(onPg).toEqual(onSqlite);
    expect(onPg[1]).toContain('已签收');
  });

  it('two instances on one database: a message delivered to both has one effect, a job period runs once', async () => {
    const url = await cluster.freshDatabase();
    const a = await boot(url);
    const b = await boot(url);
    const first = await a.say('孙丽', '交办 发改委 编制清单 12月4日', { messageId: 'same-1' });
    const again = await b.say('孙丽', '交办 发改委 编制清单 12月4日', { messageId: 'same-1' });
    expect(first.text).toContain('D-0001');
    expect(again.text).toBe('');
    expect(await b.app.storage.transaction((r) => r.tasks.count({}))).toBe(1);
    // both record the install day, then both reach Monday's daily chase
    await Promise.all([a.app.scheduler.tick(instantAt('2026-12-03', '10:01')), b.app.scheduler.tick(instantAt('2026-12-03', '10:01'))]);
    a.at('2026-12-07', '09:01');
    b.at('2026-12-07', '09:01');
    await Promise.all([a.app.scheduler.tick(a.clock.now()), b.app.scheduler.tick(b.clock.now())]);
    const task = await a.app.storage.transaction((r) => r.tasks.findByCode('D-0001'));
    expect(task?.chaseCount).toBe(1);
    const run = await a.app.storage.transaction((r) => r.jobRuns.find('daily-chase', '2026-12-07'));
    expect(run?.status).toBe('done');
  });

  it('npm run migrate-ledger copies a SQLite ledger and verifies every table; a second run is refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'duban.db');
    const src = await boot(file);
    await src.say('孙丽', '交办 发改委 编制清单 12月4日');
    await src.say('孙丽', '交办 发改委 预算草案 12月10日');
    await src.say('王芳', '签收 D-0001');
    const before = (await src.say('孙丽', '查询 D-0001')).text;
    await src.close();
    open.splice(open.indexOf(src), 1);

    const url = await cluster.freshDatabase();
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/run-migrate-ledger.ts', '--from', file, '--to', url], { encoding: 'utf8', timeout: 120_000 });
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tasks：SQLite 2 行 \/ PostgreSQL 2 行，校验和 (\w+) \/ \1，一致/);
    expect(r.stdout).toMatch(/task_units：SQLite \d+ 行 \/ PostgreSQL \d+ 行.*一致/);
    expect(r.stdout).toContain('张表全部一致');
    const again = run();
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('迁移只写入空的 PostgreSQL 数据库');

    const moved = await boot(url);
    expect((await moved.say('孙丽', '查询 D-0001')).text).toBe(before);
    // ids go on after the copied ones
    expect((await moved.say('孙丽', '交办 发改委 第三件 12月11日')).text).toContain('D-0003');
  });

  it('refuses a database whose schema is newer than this code', async () => {
    const url = await cluster.freshDatabase();
    const s = openStorage(url);
    await s.ready();
    await s.close();
    const pg = await import('pg');
    const c = new pg.default.Client({ connectionString: url });
    await c.connect();
    await c.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999-future.sql')");
    await c.end();
    const again = openStorage(url);
    await expect(again.ready()).rejects.toThrow(/999.*升级督办助手/);
    await again.close();
  });
});
