import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../storage/open-database.js';
import { listMigrations, migrate } from '../../storage/migrate.js';
import { assignedDaysRebuild } from '../../storage/assigned-days-sql.js';

describe('migrations', () => {
  it('are numbered files applied in order and tracked in user_version', () => {
    const db = openDatabase(':memory:');
    const all = listMigrations();
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    const r = migrate(db);
    expect(r).toEqual({ from: 0, to: all.length });
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
    expect(migrate(db)).toEqual({ from: all.length, to: all.length });
    const strict = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT%' AND name NOT LIKE 'sqlite_%'").all();
    expect(strict).toEqual([]);
  });

  it('019 counts the chases already in the ledger into chase_days, a task with its stages once a day', () => {
    const db = openDatabase(':memory:');
    migrate(
      db,
      listMigrations().filter((m) => m.version < 19),
    );
    db.exec(`INSERT INTO tasks (id, code, title, source, is_key, status, assigner_id, assigned_at, assigned_date, deadline, original_deadline, lead_unit_id, origin_platform, origin_chat_id, origin_message_id, updated_at)
             VALUES (1, 'D-0001', 't', 'instruction', 0, 'active', 'p', 'x', '2026-12-01', '2026-12-02', '2026-12-02', 'u-a', 'console', 'c', 'm', 'x')`);
    db.exec(`INSERT INTO tasks (id, code, title, source, is_key, status, assigner_id, assigned_at, assigned_date, deadline, original_deadline, lead_unit_id, origin_platform, origin_chat_id, origin_message_id, updated_at, parent_id)
             VALUES (2, 'D-0001-1', 's', 'instruction', 0, 'active', 'p', 'x', '2026-12-01', '2026-12-02', '2026-12-02', 'u-a', 'console', 'c', 'm', 'x', 1)`);
    const chase = db.prepare('INSERT INTO chase_log (task_id, unit_id, person_id, kind, chase_no, chased_date, job_period, root_id) VALUES (?, ?, ?, ?, 1, ?, ?, 1)');
    for (const [task, unit, kind, d] of [
      [1, 'u-a', 'overdue', '2026-12-07'],
      [2, 'u-a', 'overdue', '2026-12-07'],
      [2, 'u-b', 'overdue', '2026-12-07'],
      [1, 'u-a', 'overdue', '2026-12-08'],
      [1, 'u-a', 'warning', '2026-12-08'],
    ] as const)
      chase.run(task, unit, 'p', kind, d, d);
    migrate(db);
    expect(db.prepare('SELECT chased_date, unit_id, roots FROM chase_days ORDER BY 1, 2').all()).toEqual([
      { chased_date: '2026-12-07', unit_id: 'u-a', roots: 1 },
      { chased_date: '2026-12-07', unit_id: 'u-b', roots: 1 },
      { chased_date: '2026-12-08', unit_id: 'u-a', roots: 1 },
    ]);
  });

  it('020 counts the work already assigned into assigned_days, each unit of a top-level task once, stages not at all', () => {
    const db = openDatabase(':memory:');
    migrate(
      db,
      listMigrations().filter((m) => m.version < 20),
    );
    const task =
      db.prepare(`INSERT INTO tasks (id, code, title, source, is_key, status, assigner_id, assigned_at, assigned_date, deadline, original_deadline, lead_unit_id, origin_platform, origin_chat_id, origin_message_id, updated_at, parent_id)
             VALUES (?, ?, 't', 'instruction', 0, ?, 'p', 'x', ?, '2026-12-20', '2026-12-20', ?, 'console', 'c', 'm', 'x', ?)`);
    const unit = db.prepare("INSERT INTO task_units (task_id, unit_id, role, responsible_id) VALUES (?, ?, ?, 'p')");
    for (const [id, status, assigned, lead, co, parent] of [
      [1, 'active', '2026-12-01', 'u-a', 'u-b', null],
      [2, 'completed', '2026-12-01', 'u-a', null, null],
      [3, 'active', '2026-12-01', 'u-b', null, 1],
      [4, 'paused', '2026-12-02', 'u-b', 'u-a', null],
    ] as const) {
      task.run(id, `D-${id}`, status, assigned, lead, parent);
      unit.run(id, lead, 'lead');
      if (co) unit.run(id, co, 'co');
    }
    migrate(db);
    const expected = [
      { assigned_date: '2026-12-01', unit_id: 'u-a', roots: 2 },
      { assigned_date: '2026-12-01', unit_id: 'u-b', roots: 1 },
      { assigned_date: '2026-12-02', unit_id: 'u-a', roots: 1 },
      { assigned_date: '2026-12-02', unit_id: 'u-b', roots: 1 },
    ];
    const all = () => db.prepare('SELECT assigned_date, unit_id, roots FROM assigned_days ORDER BY 1, 2').all();
    expect(all()).toEqual(expected);
    // The bulk loaders' recount (bench/generate.ts) gives the same table.
    db.exec('UPDATE assigned_days SET roots = 99');
    db.exec(assignedDaysRebuild);
    expect(all()).toEqual(expected);
  });

  it('refuses a database from a newer version of the bot', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(DatabaseOpenError);
    expect(() => migrate(db)).toThrow(/999.*升级督办助手/);
  });

  it('rolls a failing migration back whole, leaving user_version unchanged', () => {
    const db = openDatabase(':memory:');
    const bad = [...listMigrations(), { version: 900, name: '900-bad.sql', sql: 'CREATE TABLE x (a INTEGER) STRICT; INSERT INTO nope VALUES (1);' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(listMigrations().length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'x'").get()).toEqual({ n: 0 });
  });

  it('refuses a file that is not a database, and an unwritable folder, saying what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-'));
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite at all, just text that is long enough to be read as a header');
    expect(() => openDatabase(junk)).toThrow(/无法打开.*备份/);
    const ro = join(dir, 'ro');
    writeFileSync(join(dir, 'placeholder'), '');
    chmodSync(dir, 0o500);
    try {
      if (process.getuid?.() !== 0) expect(() => openDatabase(join(ro, 'x.db'))).toThrow(/无法写入.*DUBAN_DB/);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
