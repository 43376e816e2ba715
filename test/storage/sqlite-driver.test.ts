import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWithEnvFile } from '../support/start-with-env-file.js';
import { describe, expect, it } from 'vitest';
import Database, { DriverChoiceError, chooseDriver, describeDriver, driverConstructor, sqliteDriver } from '../../storage/sqlite/driver.js';
import { openDatabase } from '../../storage/open-database.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const major = Number(process.versions.node.split('.')[0]);
/** What this Node must run: better-sqlite3 12 aborts on Node 24.19+, 13 crashes on Node 20. */
const expected = process.env.DUBAN_SQLITE_DRIVER === '12' ? 12 : major >= 22 ? 13 : 12;
const expectedPackage = expected === 13 ? 'better-sqlite3-napi' : 'better-sqlite3';

describe('the SQLite driver for the running Node', () => {
  it(`Node ${process.versions.node} runs better-sqlite3 ${expected}.x (${expectedPackage})`, () => {
    const d = sqliteDriver();
    expect(d.line).toBe(expected);
    expect(d.package).toBe(expectedPackage);
    expect(d.version.split('.')[0]).toBe(String(expected));
    expect(d.node).toBe(process.versions.node);
    expect(describeDriver(d)).toBe(`better-sqlite3 ${d.version} (Node ${process.versions.node}, ${d.reason})`);
  });

  it('every database the bot opens is made by that driver, not the other line', () => {
    const right = require(expectedPackage) as unknown;
    const wrong = require(expected === 13 ? 'better-sqlite3' : 'better-sqlite3-napi') as unknown;
    expect(driverConstructor()).toBe(right);
    const db = openDatabase(':memory:');
    try {
      expect(db.constructor).toBe(right);
      expect(db.constructor).not.toBe(wrong);
      expect(db).toBeInstanceOf(Database);
      const raw = new Database(':memory:');
      expect(raw.constructor).toBe(right);
      raw.close();
    } finally {
      db.close();
    }
  });

  it('the API the bot relies on behaves the same: pragma, iterate, raw, transaction, backup, error codes', async () => {
    const db = new Database(':memory:');
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1); // both lines are built with SQLITE_DEFAULT_FOREIGN_KEYS
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
      db.transaction((vs: string[]) => vs.forEach((v) => insert.run(v)))(['a', 'b']);
      expect([...db.prepare('SELECT v FROM t ORDER BY id').raw(true).iterate()]).toEqual([['a'], ['b']]);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
      expect(() => db.prepare('INSERT INTO t (v) VALUES (NULL)').run()).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_NOTNULL' }));
      const big = db.prepare('SELECT 9007199254740993 AS n').safeIntegers(true).get() as { n: bigint };
      expect(big.n).toBe(9007199254740993n);
      const copy = join(mkdtempSync(join(tmpdir(), 'duban-driver-')), 'copy.db');
      await db.backup(copy);
      const restored = new Database(copy, { readonly: true, fileMustExist: true });
      expect(restored.prepare('SELECT v FROM t ORDER BY id').pluck().all()).toEqual(['a', 'b']);
      restored.close();
    } finally {
      db.close();
    }
    const closed = new Database(':memory:');
    closed.close();
    expect(() => closed.prepare('SELECT 1')).toThrow(TypeError);
  });

  it('chooses 13 on Node 22 and later, 12 on Node 20; an override is honoured only where that line runs', () => {
    expect(chooseDriver('20.20.2', undefined)).toEqual({ line: 12, reason: 'auto' });
    expect(chooseDriver('22.23.3', undefined)).toEqual({ line: 13, reason: 'auto' });
    expect(chooseDriver('24.21.0', '')).toEqual({ line: 13, reason: 'auto' });
    expect(chooseDriver('v26.0.0', 'auto')).toEqual({ line: 13, reason: 'auto' });
    expect(chooseDriver('22.23.3', '12')).toEqual({ line: 12, reason: 'DUBAN_SQLITE_DRIVER=12' });
    expect(chooseDriver('24.21.0', '13')).toEqual({ line: 13, reason: 'DUBAN_SQLITE_DRIVER=13' });
    expect(() => chooseDriver('20.20.2', '13')).toThrow(DriverChoiceError);
    expect(() => chooseDriver('20.20.2', '13')).toThrow('DUBAN_SQLITE_DRIVER=13 不能用于 Node 20.20.2：better-sqlite3 13.x 只支持 Node 22 及更高版本。');
    expect(() => chooseDriver('24.21.0', '12')).toThrow('better-sqlite3 12.x 只支持 Node 20–23。');
    expect(() => chooseDriver('22.23.3', 'latest')).toThrow('DUBAN_SQLITE_DRIVER=latest 无法识别：可选 auto（默认）、12 或 13。');
  });

  it('a DUBAN_SQLITE_DRIVER in .env that cannot be honoured stops the bot with one clear line', () => {
    const r = startWithEnvFile('DUBAN_SQLITE_DRIVER', '14');
    expect(r.stderr.trim()).toBe('督办助手无法启动：DUBAN_SQLITE_DRIVER=14 无法识别：可选 auto（默认）、12 或 13。');
    expect(r.status).toBe(2);
  });

  it('no code opens better-sqlite3 directly (type-only imports excepted)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(join(ROOT, dir))) {
        const rel = join(dir, name);
        if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
        else if (rel.endsWith('.ts') && rel !== join('storage', 'sqlite', 'driver.ts')) {
          const text = readFileSync(join(ROOT, rel), 'utf8');
          if (/^import (?!type )[^;]*from 'better-sqlite3(-napi)?'|require\(['"]better-sqlite3/m.test(text)) offenders.push(rel);
        }
      }
    };
    for (const dir of ['src', 'storage', 'commands', 'test', 'bench']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
