import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from '../storage/sqlite/driver.js';
import type { App } from '../src/app.js';
import type { FakeClock } from '../src/core/clock.js';
import { dailyChase } from '../src/jobs/daily-chase.js';
import { instantAt } from '../src/time/shanghai.js';
import { round } from './measure.js';
import { sqliteOf } from '../test/support/raw-sql.js';

export interface LiveChase {
  ms: number;
  messages: number;
  pages: number;
  /** Commands answered while the chase ran, and the slowest answer. */
  answers: number;
  maxAnswerMs: number;
  p99AnswerMs: number;
  /** The longest the event loop was blocked during the chase (monitorEventLoopDelay). */
  maxStallMs: number;
  p99StallMs: number;
}

/**
 * The daily chase as the bot runs it (paged), with a 查询 sent every 50 ms while it runs: how
 * long each answer takes, and the longest event-loop stall.
 */
export async function liveChase(app: App, date: string, code: string): Promise<LiveChase> {
  (app.clock as FakeClock).set(instantAt(date, '09:00'));
  const occ = app.jobs.occurrence(dailyChase, date);
  if (!occ) throw new Error(`no chase on ${date}`);
  const stall = monitorEventLoopDelay({ resolution: 5 });
  const answers: number[] = [];
  let running = true;
  let seq = 0;
  const asker = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 50));
      if (!running) break;
      const t = performance.now();
      await app.bot.handle({
        platform: 'console',
        messageId: `live-${date}-${++seq}`,
        chatId: 'bench-group',
        chatType: 'group',
        senderAccountId: '秘书长乙',
        text: `查询 ${code}`,
        mentions: [],
        mentionsBot: true,
      });
      answers.push(performance.now() - t);
    }
  })();
  stall.enable();
  const t0 = performance.now();
  const r = await app.jobs.run(dailyChase, occ);
  const ms = performance.now() - t0;
  stall.disable();
  running = false;
  await asker;
  if (r.status !== 'ran') throw new Error(`chase did not run: ${r.status}`);
  const pages = (sqliteOf(app).prepare('SELECT pages FROM job_cursors WHERE job = ? AND period = ?').get('daily-chase', occ.period) as { pages: number } | undefined)?.pages ?? 0;
  const sorted = [...answers].sort((a, b) => a - b);
  return {
    ms: round(ms),
    messages: r.count,
    pages: pages + 1,
    answers: answers.length,
    maxAnswerMs: round(sorted.at(-1) ?? 0),
    p99AnswerMs: round(sorted[Math.floor(0.99 * sorted.length)] ?? 0),
    maxStallMs: round(stall.max / 1e6),
    p99StallMs: round(stall.percentile(99) / 1e6),
  };
}

/**
 * The chase's floor on a copy of the same ledger: its reads and writes as a few bulk SQL
 * statements in one transaction (count and date on each overdue task, a ledger row per unit
 * chased, an audit record per task, the first-step events, one outbox row per chat and person
 * with the lines concatenated). No message layout, no paging: what SQLite needs for the data.
 */
export function chaseFloor(file: string, date: string): { ms: number; tasks: number; messages: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const at = `${date}T09:00:00.000+08:00`;
  const t0 = performance.now();
  let tasks = 0;
  let messages = 0;
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE chased AS SELECT id, coalesce(parent_id, id) AS root_id, chase_count + 1 AS n, lead_unit_id, origin_platform, origin_chat_id, code, title, deadline, ladder_step
             FROM tasks WHERE status IN ('pending', 'active') AND deadline < '${date}' AND (last_chased_date IS NULL OR last_chased_date < '${date}')`);
    tasks = (db.prepare('SELECT count(*) AS n FROM temp.chased').get() as { n: number }).n;
    db.prepare('UPDATE tasks SET chase_count = chase_count + 1, last_chased_date = ?, updated_at = ? WHERE id IN (SELECT id FROM temp.chased)').run(date, at);
    db.prepare(`INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period, root_id)
                SELECT c.id, u.unit_id, u.responsible_id, 'overdue', c.n, ?, ?, c.root_id FROM temp.chased c JOIN task_units u ON u.task_id = c.id
                WHERE u.role = 'lead' OR u.part_done_at IS NULL`).run(date, date);
    db.prepare(`INSERT INTO audit_log (at, actor_id, action, task_id, details, job)
                SELECT ?, 'system', 'chase', id, json_object('n', n), ? FROM temp.chased`).run(at, `daily-chase:${date}`);
    db.prepare(`INSERT INTO ladder_events (task_id, root_id, unit_id, step, trigger, event_date, at)
                SELECT id, id, lead_unit_id, min(n, 3), 'chase', ?, ? FROM temp.chased WHERE min(n, 3) > ladder_step`).run(date, at);
    db.prepare('UPDATE tasks SET ladder_step = min(chase_count, 3) WHERE id IN (SELECT id FROM temp.chased) AND min(chase_count, 3) > ladder_step').run();
    messages = db
      .prepare(`INSERT INTO outbox (platform, target_kind, target_id, payload, next_attempt_at, created_at, origin)
                SELECT c.origin_platform, 'chat', c.origin_chat_id, json_object('person', u.responsible_id, 'lines', group_concat(c.code || ' ' || c.title || '｜' || c.deadline, char(10))), ?, ?, 'floor'
                FROM temp.chased c JOIN task_units u ON u.task_id = c.id GROUP BY c.origin_platform, c.origin_chat_id, u.responsible_id`)
      .run(at, at).changes;
    db.exec('DROP TABLE temp.chased');
  })();
  const ms = performance.now() - t0;
  db.close();
  return { ms: round(ms), tasks, messages };
}
