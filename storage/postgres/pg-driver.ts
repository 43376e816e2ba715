import { createRequire } from 'node:module';

/**
 * The `pg` driver, loaded on first use: a SQLite ledger never pays for it (about 50 ms and
 * 15 MB at start-up). `pg` is CommonJS, so it can be required synchronously where a pool or a
 * client is made.
 */
export function pgDriver(): typeof import('pg') {
  return createRequire(import.meta.url)('pg') as typeof import('pg');
}
