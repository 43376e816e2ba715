import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { instantAt } from '../../src/time/shanghai.js';
import { openStorage } from '../../storage/open-storage.js';
import type { Leadership, OpenedStorage } from '../../storage/repositories.js';

const available = pgAvailable();
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
});

/** Ends the server session holding the leader lock, as a dead instance or a broken network would. */
async function killLeaderSession(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT pg_terminate_backend(pid, 10000) FROM pg_locks WHERE locktype = 'advisory' AND objid = 7264003 AND granted`);
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

describe.skipIf(!available)('scheduler leadership on PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 180_000);
  afterAll(() => cluster?.stop());

  it('one instance leads; losing its connection loses the lead, and another takes it', async () => {
    const url = await cluster.freshDatabase();
    const stores: OpenedStorage[] = [openStorage(url), openStorage(url)];
    for (const s of stores) cleanup.push(() => s.close());
    await Promise.all(stores.map((s) => s.ready()));
    const [a, b] = stores.map((s) => s.leadership()) as [Leadership, Leadership];
    cleanup.push(
      () => a.close(),
      () => b.close(),
    );
    expect(await a.holds()).toBe(true);
    expect(await b.holds()).toBe(false);
    expect(await a.holds()).toBe(true);
    expect(await killLeaderSession(url)).toBe(1);
    // a's lock went with its session: b takes the lead, and a (reconnecting) no longer has it
    expect(await b.holds()).toBe(true);
    expect(await a.holds()).toBe(false);
    expect(await b.holds()).toBe(true);
    await b.close();
    expect(await a.holds()).toBe(true);
  });

  it('only the leader runs the daily chase; when it dies the other instance runs the next one', async () => {
    const url = await cluster.freshDatabase();
    const boot = async () => {
      const h: Harness = await makeHarness({ dbFile: url, start: ['2026-12-03', '10:00'] });
      cleanup.push(() => h.close());
      return h;
    };
    const a = await boot();
    const b = await boot();
    await a.say('孙丽', '交办 发改委 编制清单 12月4日');
    await a.app.scheduler.tick(instantAt('2026-12-03', '10:01'));
    await b.app.scheduler.tick(instantAt('2026-12-03', '10:01'));
    const ran = (period: string) => a.app.storage.transaction(async (r) => (await r.jobRuns.find('daily-chase', period))?.status);
    await b.app.scheduler.tick(instantAt('2026-12-07', '09:01'));
    expect(await ran('2026-12-07')).toBeUndefined(); // b is not the leader
    await a.app.scheduler.tick(instantAt('2026-12-07', '09:01'));
    expect(await ran('2026-12-07')).toBe('done');
    // a dies (its session ends); b's next tick takes the lead and runs Tuesday's chase
    expect(await killLeaderSession(url)).toBe(1);
    await b.app.scheduler.tick(instantAt('2026-12-08', '09:01'));
    expect(await ran('2026-12-08')).toBe('done');
    await a.app.scheduler.tick(instantAt('2026-12-09', '09:01')); // a is back, but b leads
    expect(await ran('2026-12-09')).toBeUndefined();
  });
});
