import type { Statement } from 'better-sqlite3';
import type { Db } from '../open-database.js';

/** Told of every statement executed, with its SQL and parameters; for the benchmark. */
export type StatementObserver = (reader: boolean, sql: string, args: unknown[]) => void;

/** Prepares each SQL text once per connection and reuses it. */
export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(
    readonly db: Db,
    private readonly observer?: StatementObserver,
  ) {}

  get(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.observer) s = observed(s, sql, this.observer);
      this.cache.set(sql, s);
    }
    return s;
  }
}

function observed(s: Statement, sql: string, observer: StatementObserver): Statement {
  const counted = <F extends (...args: never[]) => unknown>(f: F): F =>
    ((...args: Parameters<F>) => {
      observer(s.reader, sql, args);
      return f.apply(s, args);
    }) as F;
  return Object.assign(Object.create(s) as Statement, { run: counted(s.run), get: counted(s.get), all: counted(s.all), iterate: counted(s.iterate) });
}
