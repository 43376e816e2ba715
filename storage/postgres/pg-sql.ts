import type { PoolClient, QueryResultRow } from 'pg';

/**
 * One PostgreSQL connection inside a transaction, as the repositories use it. The SQL is
 * PostgreSQL's own; for readability it is written with `?` placeholders, numbered `$1…` here
 * (no statement of this backend uses `?` for anything else).
 */
export class PgSql {
  private readonly texts = new Map<string, string>();

  constructor(private client: PoolClient | undefined) {}

  /** Binds the repositories to the connection of the transaction now running. */
  attach(client: PoolClient | undefined): void {
    this.client = client;
  }

  private text(sql: string): string {
    let t = this.texts.get(sql);
    if (t === undefined) {
      let n = 0;
      t = sql.replace(/\?/g, () => `$${++n}`);
      this.texts.set(sql, t);
    }
    return t;
  }

  private async query<R extends QueryResultRow>(sql: string, params: readonly unknown[]): Promise<{ rows: R[]; rowCount: number }> {
    if (!this.client) throw new Error('PostgreSQL statement outside a transaction');
    const r = await this.client.query<R>(this.text(sql), params as unknown[]);
    return { rows: r.rows, rowCount: r.rowCount ?? 0 };
  }

  async all<R extends QueryResultRow>(sql: string, ...params: unknown[]): Promise<R[]> {
    return (await this.query<R>(sql, params)).rows;
  }

  async one<R extends QueryResultRow>(sql: string, ...params: unknown[]): Promise<R | undefined> {
    return (await this.query<R>(sql, params)).rows[0];
  }

  /** Runs a statement; the number of rows it changed. */
  async run(sql: string, ...params: unknown[]): Promise<number> {
    return (await this.query(sql, params)).rowCount;
  }
}
