import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The SQLite driver, chosen by the running Node. Two lines of better-sqlite3 are installed:
 *
 * - 12.x (`better-sqlite3`), built against V8 for each Node ABI. It is the last line that runs
 *   on Node 20, but on Node 24.19 and later it aborts the process (`Assertion failed: (env) !=
 *   nullptr` in `Statement::~Statement`) when a statement is garbage-collected (upstream
 *   WiseLibs/better-sqlite3#1515, no 12.x fix).
 * - 13.x (`better-sqlite3-napi`, an npm alias), a Node-API rewrite with prebuilt binaries in the
 *   package. It needs Node 22 or later: on Node 20 it crashes (segmentation fault).
 *
 * So Node 22 and later get 13, Node 20 gets 12. The JavaScript API the bot uses is the same in
 * both (prepare/run/get/all/iterate/raw, pragma, transaction, backup; errors carry SQLITE_* codes).
 * `DUBAN_SQLITE_DRIVER=12|13` overrides the choice where that line works (12 on Node 20 and 22,
 * 13 on Node 22 and later); anything else is refused at the first database opened.
 *
 * The driver is loaded on first use, not at import, so that a setting in `.env` (read by main
 * after the imports) is honoured.
 */

export type DriverLine = 12 | 13;

const PACKAGES: Record<DriverLine, string> = { 12: 'better-sqlite3', 13: 'better-sqlite3-napi' };

/** The lowest Node major version each line runs on, and the first one it does not. */
const RUNS_ON: Record<DriverLine, { from: number; below: number }> = { 12: { from: 20, below: 24 }, 13: { from: 22, below: Infinity } };

export interface DriverChoice {
  line: DriverLine;
  /** Why this line: 'auto' or the override's name. */
  reason: string;
}

/** Thrown when DUBAN_SQLITE_DRIVER names a line that cannot run on this Node; the message says what to do. */
export class DriverChoiceError extends Error {}

/** Which line a Node version gets (pure: the test checks every case). */
export function chooseDriver(nodeVersion: string, override: string | undefined): DriverChoice {
  const major = Number(nodeVersion.replace(/^v/, '').split('.')[0]);
  const wanted = override?.trim() ?? '';
  if (wanted === '' || wanted === 'auto') return { line: major >= RUNS_ON[13].from ? 13 : 12, reason: 'auto' };
  if (wanted !== '12' && wanted !== '13') {
    throw new DriverChoiceError(`DUBAN_SQLITE_DRIVER=${wanted} 无法识别：可选 auto（默认）、12 或 13。`);
  }
  const line = Number(wanted) as DriverLine;
  const { from, below } = RUNS_ON[line];
  if (major < from || major >= below) {
    const range = below === Infinity ? `Node ${from} 及更高版本` : `Node ${from}–${below - 1}`;
    throw new DriverChoiceError(`DUBAN_SQLITE_DRIVER=${line} 不能用于 Node ${nodeVersion}：better-sqlite3 ${line}.x 只支持 ${range}。请删除此设置（自动选择）或更换 Node 版本。`);
  }
  return { line, reason: `DUBAN_SQLITE_DRIVER=${line}` };
}

export interface SqliteDriverInfo extends DriverChoice {
  /** The package name as installed (the 13 line is the alias better-sqlite3-napi). */
  package: string;
  version: string;
  /** The resolved entry file, for worker threads that load the same driver. */
  path: string;
  node: string;
}

const require = createRequire(import.meta.url);
let loaded: { info: SqliteDriverInfo; Database: typeof BetterSqlite3 } | undefined;

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const choice = chooseDriver(process.versions.node, process.env.DUBAN_SQLITE_DRIVER);
  const pkg = PACKAGES[choice.line];
  const Database = require(pkg) as typeof BetterSqlite3;
  const { version } = require(`${pkg}/package.json`) as { version: string };
  loaded = { Database, info: { ...choice, package: pkg, version, path: require.resolve(pkg), node: process.versions.node } };
  return loaded;
}

/** The driver in use (loading it if nothing has opened a database yet). */
export function sqliteDriver(): SqliteDriverInfo {
  return load().info;
}

/** One line for the start-up log and `--health`, e.g. "better-sqlite3 13.2.0 (Node 24.21.0, auto)". */
export function describeDriver(info: SqliteDriverInfo = sqliteDriver()): string {
  return `better-sqlite3 ${info.version} (Node ${info.node}, ${info.reason})`;
}

/** The driver's own constructor (for identity checks in tests). */
export function driverConstructor(): typeof BetterSqlite3 {
  return load().Database;
}

/**
 * Stands for the chosen driver's Database constructor: `new Database(file, options)` as with
 * better-sqlite3 itself, typed by @types/better-sqlite3. Static members and `instanceof` reach
 * the real constructor.
 */
const Database = new Proxy(function Database() {} as unknown as typeof BetterSqlite3, {
  construct: (_target, args) => Reflect.construct(load().Database, args) as object,
  apply: (_target, _this, args) => Reflect.construct(load().Database, args) as object,
  get: (_target, key) => Reflect.get(load().Database, key) as unknown,
});

// Type-only members, so that `Database.Database` and `Database.Statement` read as they do with
// better-sqlite3's default import.
declare namespace Database {
  type Database = BetterSqlite3.Database;
  type Statement<BindParameters extends unknown[] | {} = unknown[], Result = unknown> = BetterSqlite3.Statement<BindParameters, Result>;
}

export default Database;
