import { rmSync } from 'node:fs';
import type { Db } from '../storage/open-database.js';
import { openDatabase } from '../storage/open-database.js';
import { migrate } from '../storage/migrate.js';
import { assignedDaysRebuild } from '../storage/assigned-days-sql.js';
import { formatTaskCode } from '../src/domain/task.js';
import { addDays, daysBetween } from '../src/time/shanghai.js';
import { seededRandom } from '../src/core/seeded-random.js';

/** The size of a synthetic province. */
export interface Size {
  name: string;
  units: number;
  people: number;
  tasks: number;
  /** Open tasks past their deadline on `TODAY`. */
  overdue: number;
  /** Open tasks not yet due. */
  openNotDue: number;
  years: number;
  /** Work groups the tasks were assigned in (default: two per unit). */
  chats?: number;
}

export const FULL: Size = { name: 'full', units: 200, people: 5000, tasks: 1_000_000, overdue: 100_000, openNotDue: 20_000, years: 5 };
export const QUICK: Size = { name: 'quick', units: 40, people: 1000, tasks: 50_000, overdue: 5_000, openNotDue: 1_000, years: 5 };

/** The benchmark's "today": a Monday. */
export const TODAY = '2026-12-07';

const unitId = (i: number) => `u${String(i).padStart(3, '0')}`;

/** Work groups the synthetic tasks were assigned in, besides the bench's own group. */
export const chatsOf = (size: Size) => size.chats ?? size.units * 2;
const chatId = (k: number) => `bench-chat-${k}`;

/**
 * A directory YAML: a governor, vice governors and deputies covering the units, the office,
 * and per unit a head and handlers, `size.people` in all.
 */
export function directoryYaml(size: Size): string {
  const lines = ['name: 基准测试省', 'units:'];
  for (let i = 1; i <= size.units; i++) lines.push(`  - { id: ${unitId(i)}, name: 测试第${i}单位, aliases: [测${i}单位] }`);
  lines.push(`  - { id: office, name: 测试省政府办公厅, aliases: [测试办公厅], type: 办公厅 }`);
  lines.push('people:', '  - { id: gov, name: 省长甲, roles: [主要领导] }', '  - { id: sec, name: 秘书长乙, unit: office, roles: [秘书长, 单位主要负责人] }');
  const viceCount = 8;
  const deputyCount = 10;
  const coversOf = (k: number, of: number) =>
    Array.from({ length: size.units }, (_, i) => i + 1)
      .filter((i) => i % of === k)
      .map(unitId);
  for (let k = 0; k < viceCount; k++) lines.push(`  - { id: vice${k}, name: 副省长${k}, roles: [分管领导], covers: [${coversOf(k, viceCount).join(', ')}] }`);
  for (let k = 0; k < deputyCount; k++) {
    lines.push(`  - { id: dep${k}, name: 副秘书长${k}, unit: office, roles: [副秘书长], covers: [${coversOf(k, deputyCount).join(', ')}], substitute: dep${(k + 1) % deputyCount} }`);
  }
  for (let k = 0; k < 5; k++) lines.push(`  - { id: ofc${k}, name: 督查员${k}, unit: office, roles: [督查室${k === 0 ? ', 管理员' : ''}] }`);
  for (let i = 1; i <= size.units; i++) {
    lines.push(`  - { id: h${i}, name: 负责人${i}, unit: ${unitId(i)}, roles: [单位主要负责人] }`);
    for (const id of handlersOf(size, i)) lines.push(`  - { id: ${id}, name: 经办${id.slice(1)}, unit: ${unitId(i)}, roles: [经办人] }`);
  }
  return `${lines.join('\n')}\n`;
}

/** People besides the unit heads and handlers: governor, secretary-general, 8 vice governors, 10 deputies, 5 office staff. */
const LEADERS = 25;

/** The handlers of unit `unit` (1-based), so that the province has exactly `size.people` people. */
export function handlersOf(size: Size, unit: number): string[] {
  // Units differ in size (1 to 10 shares), as a province's bureaus do; the head is one of its people.
  const weight = (u: number) => 1 + ((u * 37) % 10);
  let total = 0;
  for (let u = 1; u <= size.units; u++) total += weight(u);
  const staff = size.people - LEADERS - size.units;
  const share = (u: number) => Math.floor((staff * weight(u)) / total);
  let given = 0;
  for (let u = 1; u <= size.units; u++) given += share(u);
  const count = share(unit) + (unit <= staff - given ? 1 : 0);
  return Array.from({ length: Math.max(1, count) }, (_, j) => `p${unit}x${j + 1}`);
}

/**
 * Writes a million-task ledger straight into SQLite through the real migrations: tasks, their
 * units, results and the audit records each would have, in large transactions.
 */
export function generateDatabase(file: string, size: Size): { seconds: number; rows: Record<string, number> } {
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  const started = performance.now();
  const db = openDatabase(file);
  migrate(db);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // Bulk load without secondary indexes, then build them once (a sort is faster than a
  // million ordered inserts into each b-tree).
  const indexes = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('tasks', 'task_units', 'audit_log', 'progress_reports')").all() as Array<{
    sql: string;
  }>;
  for (const { sql } of indexes) db.exec(`DROP INDEX ${/CREATE (?:UNIQUE )?INDEX (\S+)/.exec(sql)?.[1] ?? ''}`);
  const rand = seededRandom(42); // the same province every run
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const assigners = ['gov', 'sec', 'ofc0', 'ofc1', ...Array.from({ length: 8 }, (_, k) => `vice${k}`)];
  const start = addDays(TODAY, -365 * size.years);
  const span = daysBetween(start, addDays(TODAY, -60));
  const handlers = Array.from({ length: size.units + 1 }, (_, u) => (u === 0 ? [] : handlersOf(size, u)));

  const insertTask = db.prepare(`INSERT INTO tasks (id, code, title, source, is_key, status, assigner_id, assigned_at, assigned_date,
      original_deadline, deadline, lead_unit_id, progress, last_progress_at, completed_at, completed_date, result,
      origin_platform, origin_chat_id, origin_message_id, updated_at) VALUES (?, ?, ?, 'general', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?)`);
  const insertUnit = db.prepare('INSERT INTO task_units (task_id, unit_id, role, responsible_id, acked_at, acked_by) VALUES (?, ?, ?, ?, ?, ?)');
  const insertAudit = db.prepare(`INSERT INTO audit_log (at, actor_id, action, task_id, details, platform, chat_id, message_id) VALUES (?, ?, ?, ?, ?, 'bench', 'bench-group', ?)`);
  const insertReport = db.prepare("INSERT INTO progress_reports (task_id, unit_id, person_id, kind, percent, text, at) VALUES (?, ?, ?, 'result', 100, ?, ?)");
  const rows = { tasks: 0, task_units: 0, audit_log: 0, progress_reports: 0 };

  // Overdue and open work is scattered at random over the whole id range (not a block at the
  // end, no stride), so a page of overdue tasks touches pages of the table all over the file.
  const perm = new Int32Array(size.tasks);
  for (let i = 0; i < size.tasks; i++) perm[i] = i;
  const shuffle = seededRandom(7);
  for (let i = size.tasks - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    const t = perm[i] as number;
    perm[i] = perm[j] as number;
    perm[j] = t;
  }
  const slot = (id: number) => perm[id - 1] as number;
  // A task is assigned in one of its lead unit's own groups mostly, else in any work group.
  const chats = chatsOf(size);
  const chatFor = (lead: number) => chatId(rand() < 0.7 ? (lead * 2 + Math.floor(rand() * 2)) % chats : Math.floor(rand() * chats));
  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id <= to; id++) {
      let assigned: string;
      let deadline: string;
      let status: string;
      const s = slot(id);
      if (s >= size.overdue + size.openNotDue) {
        assigned = addDays(start, Math.floor((id / size.tasks) * span));
        deadline = addDays(assigned, 5 + Math.floor(rand() * 55));
        status = rand() < 0.1 ? 'verified' : 'completed';
      } else if (s < size.overdue) {
        assigned = addDays(TODAY, -(10 + Math.floor(rand() * 80)));
        deadline = addDays(TODAY, -(1 + Math.floor(rand() * Math.max(1, daysBetween(assigned, TODAY) - 2))));
        status = 'active';
      } else {
        assigned = addDays(TODAY, -Math.floor(rand() * 20));
        deadline = addDays(TODAY, Math.floor(rand() * 30));
        status = rand() < 0.3 ? 'pending' : 'active';
      }
      const lead = 1 + Math.floor(rand() * size.units);
      // Some handlers carry much of their unit's work.
      const mine = handlers[lead] ?? [];
      const responsible = mine[Math.floor(rand() * rand() * mine.length)] ?? '';
      const assigner = pick(assigners);
      const at = `${assigned}T09:${String(id % 60).padStart(2, '0')}:00.000+08:00`;
      const done = status === 'completed' || status === 'verified';
      const completed = done ? addDays(deadline, rand() < 0.9 ? -Math.floor(rand() * 4) : 1 + Math.floor(rand() * 10)) : null;
      const code = formatTaskCode(id);
      const msg = `bench-${id}`;
      insertTask.run(
        id,
        code,
        `基准事项${id}`,
        id % 17 === 0 ? 1 : 0,
        status,
        assigner,
        at,
        assigned,
        deadline,
        deadline,
        unitId(lead),
        done ? 100 : null,
        done ? `${completed}T16:00:00.000+08:00` : null,
        done ? `${completed}T16:00:00.000+08:00` : null,
        completed,
        done ? '已按要求办结' : null,
        chatFor(lead),
        msg,
        at,
      );
      insertAudit.run(at, assigner, 'assign', id, `{"lead":"${unitId(lead)}","deadline":"${deadline}"}`, msg);
      const acked = status !== 'pending';
      insertUnit.run(id, unitId(lead), 'lead', responsible, acked ? at : null, acked ? responsible : null);
      if (acked) insertAudit.run(at, responsible, 'acknowledge', id, `{"unit":"${unitId(lead)}"}`, `${msg}-ack`);
      rows.tasks += 1;
      rows.task_units += 1;
      rows.audit_log += acked ? 2 : 1;
      if (rand() < 0.3) {
        const co = 1 + ((lead + 1 + Math.floor(rand() * (size.units - 1))) % size.units);
        if (co !== lead) {
          insertUnit.run(id, unitId(co), 'co', pick(handlers[co] ?? []), acked ? at : null, null);
          rows.task_units += 1;
        }
      }
      if (done && completed) {
        const cAt = `${completed}T16:00:00.000+08:00`;
        insertReport.run(id, unitId(lead), responsible, '已按要求办结', cAt);
        insertAudit.run(cAt, responsible, 'complete', id, `{"onTime":${completed <= deadline}}`, `${msg}-done`);
        rows.progress_reports += 1;
        rows.audit_log += 1;
      }
    }
  });
  const CHUNK = 50_000;
  for (let from = 1; from <= size.tasks; from += CHUNK) batch(from, Math.min(size.tasks, from + CHUNK - 1));
  db.prepare("INSERT INTO counters (name, value) VALUES ('task', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(size.tasks);
  const chat = db.prepare("INSERT INTO chats (platform, chat_id, kind, title, first_seen, last_seen) VALUES ('bench', ?, 'group', ?, ?, ?)");
  for (const id of ['bench-group', ...Array.from({ length: chats }, (_, k) => chatId(k))]) chat.run(id, `基准群 ${id}`, `${TODAY}T08:00:00.000+08:00`, `${TODAY}T08:00:00.000+08:00`);
  for (const { sql } of indexes) db.exec(sql);
  db.exec(assignedDaysRebuild);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  return { seconds: (performance.now() - started) / 1000, rows };
}

export type { Db };
