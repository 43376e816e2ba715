import { monitorEventLoopDelay } from 'node:perf_hooks';
import { chaseDaysAdd } from '../storage/chase-days-sql.js';
import Database from '../storage/sqlite/driver.js';
import type { App } from '../src/app.js';
import type { FakeClock } from '../src/core/clock.js';
import { dailyChase } from '../src/jobs/daily-chase.js';
import { instantAt } from '../src/time/shanghai.js';
import { round } from './measure.js';
import { loadCalendar } from '../src/calendar/load-calendar.js';
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
 * The floor: the same reads and writes as the morning's chase, as a few bulk SQL statements in
 * one transaction. Per overdue task its count and date, a `chase_log` row per unit chased (and
 * the day's count per unit, `chase_days`), its
 * `chase` audit record and, when it reaches a step, the `chase_steps` row, the `ladder_events`
 * row, its new step, the `ladder_step` audit record and at step 3 the 拟移交 listing; the 未签收
 * and 预警 ledger rows; one outbox row per chat and person with their lines, and one 通报 per
 * chat, unit and step with its number.
 */
export function chaseFloor(file: string, date: string, warnDates: readonly string[] = warnDatesOn(date)): { ms: number; tasks: number; messages: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const at = `${date}T09:00:00.000+08:00`;
  const job = `daily-chase:${date}`;
  const t0 = performance.now();
  let tasks = 0;
  let messages = 0;
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE chased AS SELECT id, coalesce(parent_id, id) AS root_id, chase_count + 1 AS n, min(chase_count + 1, 3) AS step, ladder_step, lead_unit_id, origin_platform, origin_chat_id, code, title, deadline
             FROM tasks WHERE status IN ('pending', 'active') AND deadline < '${date}' AND (last_chased_date IS NULL OR last_chased_date < '${date}')`);
    tasks = (db.prepare('SELECT count(*) AS n FROM temp.chased').get() as { n: number }).n;
    db.prepare('UPDATE tasks SET chase_count = chase_count + 1, last_chased_date = ?, updated_at = ? WHERE id IN (SELECT id FROM temp.chased)').run(date, at);
    const before = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM chase_log').get() as { n: number }).n;
    db.prepare(`INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period, root_id)
                SELECT c.id, u.unit_id, u.responsible_id, 'overdue', c.n, ?, ?, c.root_id FROM temp.chased c JOIN task_units u ON u.task_id = c.id
                WHERE u.role = 'lead' OR u.part_done_at IS NULL`).run(date, date);
    db.prepare(chaseDaysAdd('NOT INDEXED')).run(before, before);
    db.prepare(`INSERT INTO audit_log (at, actor_id, action, task_id, details, job)
                SELECT ?, 'system', 'chase', id, json_object('n', n), ? FROM temp.chased`).run(at, job);
    db.prepare(`INSERT INTO chase_steps (job_period, task_id, step, trigger, platform, chat_id, unit_id)
                SELECT ?, id, step, 'chase', origin_platform, origin_chat_id, lead_unit_id FROM temp.chased WHERE step > ladder_step`).run(date);
    db.prepare(`INSERT INTO ladder_events (task_id, root_id, unit_id, step, trigger, event_date, at)
                SELECT id, root_id, lead_unit_id, step, 'chase', ?, ? FROM temp.chased WHERE step > ladder_step`).run(date, at);
    db.prepare('UPDATE tasks SET ladder_step = min(chase_count, 3) WHERE id IN (SELECT id FROM temp.chased WHERE step > ladder_step)').run();
    db.prepare(`INSERT INTO audit_log (at, actor_id, action, task_id, details, job)
                SELECT ?, 'system', 'ladder_step', id, json_object('step', step), ? FROM temp.chased WHERE step > ladder_step`).run(at, job);
    db.prepare(`INSERT INTO handover_proposals (task_id, status, listed_at) SELECT id, 'listed', ? FROM temp.chased WHERE step = 3 AND ladder_step < 3`).run(at);
    // 未签收 and 预警: their ledger rows, and their lines in the people's messages.
    db.exec(`CREATE TEMP TABLE others AS
             SELECT t.id, u.unit_id, u.responsible_id, 'unacked' AS kind, t.origin_platform, t.origin_chat_id, t.code, t.title, t.assigned_date AS d, coalesce(t.parent_id, t.id) AS root_id
             FROM tasks t JOIN task_units u ON u.task_id = t.id
             WHERE t.status IN ('pending', 'active') AND t.assigned_date < '${date}' AND coalesce(t.ack_due, t.assigned_date) < '${date}' AND u.acked_at IS NULL
             UNION ALL
             SELECT t.id, u.unit_id, u.responsible_id, 'warning', t.origin_platform, t.origin_chat_id, t.code, t.title, t.deadline, coalesce(t.parent_id, t.id)
             FROM tasks t JOIN task_units u ON u.task_id = t.id
             WHERE t.status IN ('pending', 'active') AND t.deadline IN (SELECT value FROM json_each('${JSON.stringify([date, ...warnDates])}')) AND (u.role = 'lead' OR u.part_done_at IS NULL)`);
    db.prepare(`INSERT INTO chase_log (task_id, unit_id, person_id, kind, chased_date, job_period, root_id)
                SELECT id, unit_id, responsible_id, kind, ?, ?, root_id FROM temp.others`).run(date, date);
    messages = db
      .prepare(`INSERT INTO outbox (platform, target_kind, target_id, payload, next_attempt_at, created_at, origin)
                SELECT platform, 'chat', chat, json_object('person', person, 'lines', group_concat(line, char(10))), ?, ?, 'floor'
                FROM (SELECT c.origin_platform AS platform, c.origin_chat_id AS chat, u.responsible_id AS person, c.code || ' ' || c.title || '｜' || c.deadline || '｜第 ' || c.n || ' 次催办' AS line
                      FROM temp.chased c JOIN task_units u ON u.task_id = c.id WHERE u.role = 'lead' OR u.part_done_at IS NULL
                      UNION ALL
                      SELECT origin_platform, origin_chat_id, responsible_id, code || ' ' || title || '｜' || d FROM temp.others)
                GROUP BY platform, chat, person`)
      .run(at, at).changes;
    // The 通报: one per chat, unit and step (none at step 3), each with its number.
    const notices = db
      .prepare(`INSERT INTO outbox (platform, target_kind, target_id, payload, next_attempt_at, created_at, origin)
                SELECT origin_platform, 'chat', origin_chat_id, json_object('unit', lead_unit_id, 'step', step, 'lines', group_concat(code || ' ' || title || '｜' || deadline || '｜被催办 ' || n || ' 次', char(10))), ?, ?, 'floor'
                FROM temp.chased WHERE step > ladder_step AND step < 3 GROUP BY origin_platform, origin_chat_id, lead_unit_id, step`)
      .run(at, at).changes;
    db.prepare(`INSERT INTO counters (name, value) VALUES ('notice:floor', ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`).run(notices);
    messages += notices;
    db.exec('DROP TABLE temp.chased');
    db.exec('DROP TABLE temp.others');
  })();
  const ms = performance.now() - t0;
  db.close();
  return { ms: round(ms), tasks, messages };
}

/** The deadlines the chase warns about on `date` (the default DUBAN_WARN_DAYS working days ahead). */
export function warnDatesOn(date: string, warnDays: readonly number[] = [3, 1]): string[] {
  const cal = loadCalendar();
  return warnDays.filter((d) => d > 0).map((d) => cal.addWorkingDays(date, d));
}
