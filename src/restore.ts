import { parseArgs } from 'node:util';
import { loadDotEnv, readCoreEnv } from './config/settings.js';
import { reportStartupError } from './config/startup-error.js';
import { BackupError, restoreLedger } from '../storage/sqlite/backup.js';

/** `npm run restore -- FILE`: puts a verified backup in place of the ledger; refused while the bot runs. */
function main(): void {
  const { values, positionals } = parseArgs({ options: { db: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file) throw new BackupError('用法：npm run restore -- 备份文件（如 data/backups/duban-20261207-190000.db）');
  loadDotEnv();
  const env = readCoreEnv({ ...process.env, ...(values.db ? { DUBAN_DB: values.db } : {}) });
  restoreLedger(file, env.DUBAN_DB);
  process.stdout.write(`已从 ${file} 恢复台账到 ${env.DUBAN_DB}（原文件保存为 ${env.DUBAN_DB}.before-restore）。可以启动机器人了。\n`);
}

try {
  main();
} catch (e) {
  if (e instanceof BackupError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else process.exitCode = reportStartupError(e);
}
