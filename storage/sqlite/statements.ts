import type { Statement } from 'better-sqlite3';
import type { Db } from '../open-database.js';

/** Prepares each SQL text once per connection and reuses it. */
export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  get(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}
