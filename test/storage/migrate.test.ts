import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../storage/open-database.js';
import { listMigrations, migrate } from '../../storage/migrate.js';

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
