import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDotEnv, readCoreEnv } from './config/settings.js';
import { reportStartupError } from './config/startup-error.js';
import { openDatabase } from '../storage/open-database.js';
import { BackupError, backupLedger } from '../storage/sqlite/backup.js';
import { backupStamp } from './backup-schedule.js';

/** `npm run backup`: an online, verified backup of the ledger now (the bot may keep running). */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' } }, strict: true });
  loadDotEnv();
  const env = readCoreEnv({ ...process.env, ...(values.db ? { DUBAN_DB: values.db } : {}) });
  if (!existsSync(env.DUBAN_DB)) throw new BackupError(`数据库文件 ${env.DUBAN_DB} 不存在，无可备份。请检查 DUBAN_DB。`);
  const db = openDatabase(env.DUBAN_DB);
  try {
    const dir = env.DUBAN_BACKUP_DIR ?? join(dirname(env.DUBAN_DB), 'backups');
    const info = await backupLedger(db, dir, { keep: env.DUBAN_BACKUP_KEEP, stamp: backupStamp(new Date()) });
    process.stdout.write(`备份完成并已校验：${info.file}\n`);
  } finally {
    db.close();
  }
}

main().catch((e: unknown) => {
  if (e instanceof BackupError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else process.exitCode = reportStartupError(e);
});
