import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLark, messageEvent, postEvent } from '../adapters/lark/fake-lark.js';
import { KEY, ou } from '../adapters/lark/lark-world.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { prepareLarkBot, waitFor, writeLarkDirectory, type BotProcess } from './bot-process.js';
import { maxPerSecond } from './sliding-rate.js';

const available = pgAvailable();
const BOT = [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }];
const CHATS = 5;
/** Commands of the burst during which one instance is killed. */
const BURST = 40;
/** Friday 2026-12-04, Shanghai: the burst assigns work due on Tuesday, unsigned and near its deadline at Monday's chase. */
const MORNING = '2026-12-04T10:00:00+08:00';

interface Instance {
  name: string;
  bot: BotProcess;
  dead: boolean;
}

/**
 * Three bot processes on one throwaway PostgreSQL, each on its own webhook; the test plays
 * Lark, delivering every event to a random live instance and pushing again what was not
 * acknowledged. One instance is killed (kill -9) during a burst of commands, the leader
 * during the daily chase (and its successor as the chase goes out), and a new leader then
 * runs the next job.
 */
describe.skipIf(!available)('cluster: three instances on one PostgreSQL behind Lark', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 180_000);
  afterAll(() => cluster?.stop());

  it('keeps every acknowledged command to one effect and one answer, every job run to once, and every chat to 5 messages a second', async () => {
    const url = await cluster.freshDatabase();
    const fake = new FakeLark();
    await fake.start();
    const dir = mkdtempSync(join(tmpdir(), 'pg-cluster-'));
    const directory = writeLarkDirectory(dir);
    let rng = 7;
    const random = () => (rng = (rng * 48271) % 2147483647) / 2147483647;
    const instances: Instance[] = [];
    /** The ERROR lines of every instance, to show with a failure. */
    const errors = () =>
      instances
        .flatMap((i) =>
          i.bot
            .log()
            .split('\n')
            .filter((l) => l.includes(' ERROR '))
            .map((l) => `${i.name}: ${l.slice(0, 400)}`),
        )
        .join('\n');
    let named = 0;
    const spawn = async (now: string): Promise<Instance> => {
      const warm = prepareLarkBot({
        db: url,
        directory,
        domain: fake.base,
        entry: 'test/reliability/cluster-main.ts',
        env: { DUBAN_TEST_NOW: now, DUBAN_PG_LEASE_MS: '3000' },
      });
      const inst = { name: `i${++named}`, bot: await warm.start(), dead: false };
      expect(inst.bot.log(), `${inst.name} starts`).toContain('督办助手已启动');
      instances.push(inst);
      return inst;
    };
    const alive = () => instances.filter((i) => !i.dead);
    const kill = async (i: Instance) => {
      i.dead = true;
      i.bot.child.kill('SIGKILL');
      await i.bot.exited;
    };
    const leader = () =>
      alive().find((i) => {
        const log = i.bot.log();
        return log.lastIndexOf('leadership: this instance leads') > log.lastIndexOf('leadership lost');
      });
    const dump = () => instances.map((i) => `--- ${i.name}${i.dead ? ' (killed)' : ''}\n${i.bot.log().slice(-2500)}`).join('\n');
    const moveClock = (to: string, who: Instance[]) => {
      for (const i of who) i.bot.child.stdin?.write(`clock ${to}\n`);
    };

    const events = Array.from({ length: BURST }, (_, i) =>
      messageEvent({
        from: ou('sun-li'),
        chatId: `oc_c${i % CHATS}`,
        eventId: `ev_cl_${i}`,
        messageId: `om_in_cl_${i}`,
        text: `@_user_1 交办 发改委 集群事项${i} 12月8日`,
        mentions: BOT,
      }),
    );
    const chatOf = new Map(events.map((_, i) => [`om_in_cl_${i}`, `oc_c${i % CHATS}`]));
    const acked = new Set<number>();
    let chaseFrom = 0;
    const deliver = async (i: number) => {
      const live = alive();
      const to = live[Math.floor(random() * live.length)] as Instance;
      const r = await postEvent(to.bot.url, events[i], KEY).catch(() => undefined);
      if (r?.status === 200) acked.add(i);
    };
    try {
      for (let k = 0; k < 3; k++) await spawn(MORNING);
      expect(await waitFor(() => leader() !== undefined, 20_000), 'one instance leads').toBe(true);

      // 1. A burst, delivered at random; one instance dies once a third of it is acknowledged.
      const victim = instances[Math.floor(random() * 3)] as Instance;
      const posts: Array<Promise<void>> = [];
      for (let i = 0; i < BURST; i++) {
        if (acked.size >= BURST / 3 && !victim.dead) await kill(victim);
        posts.push(deliver(i));
        if (i % 4 === 3) await Promise.all(posts.splice(0));
      }
      await Promise.all(posts);
      // What was not acknowledged is pushed again, to the live instances, until it is.
      for (let round = 0; acked.size < BURST && round < 20; round++) {
        await Promise.all(events.map((_, i) => (acked.has(i) ? undefined : deliver(i))));
      }
      expect(acked.size, 'every event acknowledged in the end').toBe(BURST);
      const answered = () => events.every((_, i) => fake.sent.some((s) => s.replyTo === `om_in_cl_${i}`));
      expect(await waitFor(answered, 60_000), `every command answered (the dead instance’s chats taken over)\n${dump()}`).toBe(true);
      await spawn(MORNING); // back to three

      // 2. The daily chase: the leader dies just before 09:00 comes; the next leader runs the
      // chase and dies as its first messages reach Lark; the third finishes it.
      const sentBeforeChase = fake.sent.length;
      chaseFrom = Date.now();
      const first = leader() as Instance;
      moveClock(
        '2026-12-07T09:00:30+08:00',
        alive().filter((i) => i !== first),
      );
      await kill(first);
      // A message that is not the chase (a late answer to the burst) can reach Lark before any
      // instance leads: wait for a leader as well as a message.
      expect(await waitFor(() => fake.sent.length > sentBeforeChase && leader() !== undefined, 30_000), `the new leader starts the chase\n${dump()}`).toBe(true);
      const second = leader() as Instance;
      expect(second).toBeDefined();
      await kill(second);
      const chaseRun = () => query<{ n: number }>(url, "SELECT count(*)::int AS n FROM job_runs WHERE job = 'daily-chase' AND period = '2026-12-07' AND status = 'done'");
      expect(await waitFor(async () => (await chaseRun())[0]?.n === 1, 60_000), `the third leader finishes the chase\n${dump()}`).toBe(true);

      // 3. The next job: a fresh instance, the only one told it is 16:30, wins the lead when the leader dies.
      // The second leader may have finished the chase before it was killed; the one instance left
      // then takes the lead at its next poll (2 s). Wait for that before a fresh instance starts,
      // or the two race for the lock and the fresh one may win it at its start.
      expect(await waitFor(() => leader() !== undefined, 30_000), `the instance left leads before the next job\n${dump()}`).toBe(true);
      const third = leader() as Instance;
      const fresh = await spawn('2026-12-07T16:30:30+08:00');
      expect(leader(), `the lead stays with ${third.name} while ${fresh.name} starts\n${dump()}`).toBe(third);
      await kill(third);
      const ackRun = () => query<{ n: number }>(url, "SELECT count(*)::int AS n FROM job_runs WHERE job = 'ack-chase' AND period = '2026-12-07'");
      expect(await waitFor(async () => (await ackRun())[0]?.n === 1, 30_000), `the new leader runs the next job\n${dump()}`).toBe(true);
      // The job may run on the lease it just took before the watch's next poll (2 s) logs the lead.
      expect(await waitFor(() => fresh.bot.log().includes('leadership: this instance leads'), 10_000), `the new leader says it leads\n${fresh.bot.log()}`).toBe(true);
      const pending = () => query<{ n: number }>(url, "SELECT count(*)::int AS n FROM outbox WHERE status <> 'sent'");
      expect(await waitFor(async () => (await pending())[0]?.n === 0, 30_000), 'everything sent').toBe(true);
    } finally {
      for (const i of alive()) await kill(i);
      await fake.stop();
    }

    // One effect per command: one task per 交办, one audit record each, nothing left waiting.
    const titles = await query<{ title: string; n: number }>(url, "SELECT title, count(*)::int AS n FROM tasks WHERE title LIKE '集群事项%' GROUP BY title");
    expect(titles, errors()).toHaveLength(BURST);
    expect(titles.every((t) => t.n === 1)).toBe(true);
    expect(await query(url, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'assign'")).toEqual([{ n: BURST }]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM inbox')).toEqual([{ n: 0 }]);
    // One answer per command, as Lark saw them.
    const answers = fake.sent.filter((s) => s.replyTo?.startsWith('om_in_cl_'));
    expect(new Set(answers.map((s) => s.replyTo)).size).toBe(BURST);
    expect(answers).toHaveLength(BURST);
    // Every job run once: the chase's messages each reached its chat once.
    const posted = fake.sent.filter((s) => !s.replyTo && s.at >= chaseFrom);
    expect(posted.length, 'the chase posted').toBeGreaterThan(0);
    const keys = posted.map((s) => `${s.receiveId}\u0000${s.content}`);
    expect(new Set(keys).size, 'no chase message twice').toBe(keys.length);
    expect(await query(url, "SELECT job, period, count(*)::int AS n FROM job_runs WHERE job IN ('daily-chase', 'ack-chase') AND period >= '2026-12-07' GROUP BY job, period ORDER BY job")).toEqual([
      { job: 'ack-chase', period: '2026-12-07', n: 1 },
      { job: 'daily-chase', period: '2026-12-07', n: 1 },
    ]);
    // Lark's per-chat limit held across instances.
    const perChat = new Map<string, number[]>();
    for (const s of fake.sent) {
      const chat = s.replyTo ? (chatOf.get(s.replyTo) ?? s.replyTo) : (s.receiveId ?? '');
      perChat.set(chat, [...(perChat.get(chat) ?? []), s.at]);
    }
    for (const [chat, times] of perChat) expect(maxPerSecond(times), `chat ${chat}`).toBeLessThanOrEqual(5);
  }, 240_000);
});

async function query<R>(url: string, sql: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as R[];
  } finally {
    await c.end();
  }
}
