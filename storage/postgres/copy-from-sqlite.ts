import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Db } from '../open-database.js';
import { DatabaseOpenError } from '../open-database.js';

/** One table's figures after a copy: rows on each side and a checksum over the rows of each. */
export interface TableCopy {
  table: string;
  sqliteRows: number;
  pgRows: number;
  sqliteChecksum: string;
  pgChecksum: string;
  ok: boolean;
}

const BATCH = 500;

/** SQLite-only bookkeeping: the one-process lease (PostgreSQL instances elect a leader instead). */
const SQLITE_ONLY = new Set(['lease']);

/** Tables of the ledger: every SQLite table; PostgreSQL-only bookkeeping (schema_migrations) is not copied. */
function tablesOf(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>)
    .map((r) => r.name)
    .filter((t) => !SQLITE_ONLY.has(t));
}

/** Parents before children, so that foreign keys hold while copying. */
const FIRST = ['tasks', 'coordinations'];

async function pgColumns(c: PoolClient, table: string): Promise<Set<string>> {
  const r = await c.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', [table]);
  return new Set(r.rows.map((x) => x.column_name));
}

function sqliteColumns(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as Array<{ name: string }>).map((r) => r.name);
}

/** The order rows are compared in: the primary key, or every column. */
function orderOf(db: Db, table: string, cols: string[]): string {
  const pk = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as Array<{ name: string }>).map((r) => r.name);
  return (pk.length > 0 ? pk : cols).map((c) => `"${c}"`).join(', ');
}

/** A checksum over rows given in a fixed order: values in canonical JSON (numbers as numbers, text as text). */
function checksum(rows: Iterable<unknown[]>): { n: number; sum: string } {
  const h = createHash('sha256');
  let n = 0;
  for (const r of rows) {
    h.update(JSON.stringify(r.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
    h.update('\n');
    n++;
  }
  return { n, sum: h.digest('hex').slice(0, 16) };
}

/**
 * Copies a SQLite ledger into an empty, migrated PostgreSQL database in one transaction and
 * verifies each table: row counts and a checksum over the rows on both sides. Refuses a
 * target that already holds any row. Identity sequences continue after the copied ids.
 */
export async function copySqliteToPostgres(db: Db, pool: Pool): Promise<TableCopy[]> {
  const all = tablesOf(db);
  const tables = [...FIRST.filter((t) => all.includes(t)), ...all.filter((t) => !FIRST.includes(t))];
  const c = await pool.connect();
  try {
    for (const t of tables) {
      const n = Number((await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]?.n ?? 0);
      if (n > 0) throw new DatabaseOpenError(`目标数据库的 ${t} 表已有 ${n} 行数据；迁移只写入空的 PostgreSQL 数据库。`);
    }
    await c.query('BEGIN');
    const plan: Array<{ table: string; cols: string[]; order: string }> = [];
    for (const t of tables) {
      const target = await pgColumns(c, t);
      if (target.size === 0) throw new DatabaseOpenError(`目标数据库没有 ${t} 表：请用同一版本的督办助手迁移。`);
      const cols = sqliteColumns(db, t).filter((x) => target.has(x));
      // rowid keeps the order of rows that have no id of their own (a task's units, a coordination's parties)
      const stmt = db.prepare(`SELECT ${cols.map((x) => `"${x}"`).join(', ')} FROM "${t}" ORDER BY rowid`).raw(true);
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const values = batch.map((row, i) => `(${row.map((_, j) => `$${i * cols.length + j + 1}`).join(', ')})`).join(', ');
        await c.query(`INSERT INTO "${t}" (${cols.map((x) => `"${x}"`).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${values}`, batch.flat());
        batch = [];
      };
      for (const row of stmt.iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      for (const idc of ['id', 'seq'].filter((x) => target.has(x))) {
        await c.query(`SELECT setval(pg_get_serial_sequence('"${t}"', '${idc}'), greatest(coalesce((SELECT max(${idc}) FROM "${t}"), 0), 1), (SELECT count(*) > 0 FROM "${t}"))`);
      }
      plan.push({ table: t, cols, order: orderOf(db, t, cols) });
    }
    await c.query('COMMIT');
    const out: TableCopy[] = [];
    for (const p of plan) {
      const list = p.cols.map((x) => `"${x}"`).join(', ');
      const src = checksum(db.prepare(`SELECT ${list} FROM "${p.table}" ORDER BY ${p.order}`).raw(true).iterate() as Iterable<unknown[]>);
      const rows = (await c.query({ text: `SELECT ${list} FROM "${p.table}" ORDER BY ${p.order}`, rowMode: 'array' })).rows as unknown[][];
      const dst = checksum(rows);
      out.push({ table: p.table, sqliteRows: src.n, pgRows: dst.n, sqliteChecksum: src.sum, pgChecksum: dst.sum, ok: src.n === dst.n && src.sum === dst.sum });
    }
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
