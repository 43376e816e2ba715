import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadDotEnv } from './config/settings.js';
import { reportStartupError } from './config/startup-error.js';
import { openDatabase } from '../storage/open-database.js';
import { migrate } from '../storage/migrate.js';
import { isPostgresUrl } from '../storage/open-storage.js';
import { PgStorage, redact } from '../storage/postgres/pg-storage.js';
import { pgSettingsFromEnv } from '../storage/postgres/pg-settings.js';
import { copySqliteToPostgres } from '../storage/postgres/copy-from-sqlite.js';

const USAGE = '用法：npm run migrate-ledger -- --from data/duban.db --to postgres://用户@主机:5432/库名';

/**
 * Moves a ledger: copies a SQLite database into an empty PostgreSQL database (migrated to the
 * same schema first) and verifies every table by row count and checksum. Stop the bot first;
 * the SQLite file is only read (after bringing its schema up to date).
 */
async function main(): Promise<void> {
  loadDotEnv();
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true });
  if (!values.from || !values.to || !isPostgresUrl(values.to)) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(values.from)) {
    process.stderr.write(`没有数据库文件 ${values.from}。\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const db = openDatabase(values.from);
  const pgs = new PgStorage(values.to, { ...pgSettingsFromEnv(process.env), dialect: process.env.DUBAN_PG_DIALECT || undefined });
  try {
    migrate(db);
    await pgs.ready();
    const result = await copySqliteToPostgres(db, pgs.pool);
    for (const t of result) {
      process.stdout.write(`${t.table}：SQLite ${t.sqliteRows} 行 / PostgreSQL ${t.pgRows} 行，校验和 ${t.sqliteChecksum} / ${t.pgChecksum}，${t.ok ? '一致' : '不一致'}\n`);
    }
    const bad = result.filter((t) => !t.ok);
    if (bad.length > 0) {
      process.stderr.write(`迁移校验未通过：${bad.map((t) => t.table).join('、')}。请勿切换到 PostgreSQL，保留原 SQLite 文件。\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`迁移完成：${result.length} 张表全部一致。把 DUBAN_DB 设为 ${redact(values.to)} 即可改用 PostgreSQL。\n`);
    }
  } finally {
    db.close();
    await pgs.close();
  }
}

main().catch((e: unknown) => {
  process.exitCode = reportStartupError(e);
});
