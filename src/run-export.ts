import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from './core/clock.js';
import { createLogger } from './core/logger.js';
import { UserError } from './core/errors.js';
import { loadDotEnv, readCoreEnv } from './config/settings.js';
import { applyHeapGrowth } from './config/heap.js';
import { reportStartupError } from './config/startup-error.js';
import { openApp } from './bootstrap.js';
import { localDate } from './time/shanghai.js';
import { exportLedger } from './export/export-ledger.js';
import { ledgerFilter, ledgerParts, parseLedgerWords } from './export/ledger-filter.js';

const USAGE = '用法：npm run export -- --out 文件.xlsx [单位] [时段] [状态] [--db 数据库]\n例：npm run export -- --out data/exports/台账.xlsx 发改委 本月 逾期';

/**
 * `npm run export`: the 督办台账 from the shell, the same workbook `导出 台账` sends, of the
 * whole ledger (an operator on the server sees everything). Prints one line:
 * `已导出 <rows> 件事项、<history> 条办理记录：<path>（<bytes> 字节）`.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' }, db: { type: 'string' } }, allowPositionals: true, strict: true });
  if (!values.out) {
    process.stderr.write(`须用 --out 指明文件。\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  loadDotEnv();
  const env = readCoreEnv({ ...process.env, ...(values.db ? { DUBAN_DB: values.db } : {}) });
  applyHeapGrowth(env.DUBAN_HEAP_GROWTH_PERCENT);
  if (env.DUBAN_DB !== ':memory:' && !existsSync(env.DUBAN_DB)) {
    process.stderr.write(`没有数据库文件 ${env.DUBAN_DB}（用 --db 或 DUBAN_DB 指明）。\n`);
    process.exitCode = 2;
    return;
  }
  const app = openApp(env, { dbFile: env.DUBAN_DB, clock: systemClock, logger: createLogger('warn', { format: env.DUBAN_LOG_FORMAT ?? 'text' }) });
  await app.storage.ready();
  try {
    const today = localDate(app.clock.now());
    const args = parseLedgerWords(positionals, app.directory, today);
    const out = resolve(values.out);
    mkdirSync(dirname(out), { recursive: true });
    const n = await app.storage.transaction((repos) =>
      exportLedger(out, { repos, directory: app.directory, calendar: app.calendar, today, scheme: app.settings.colourScheme, warnDays: app.settings.warnDays }, ledgerFilter(args, undefined)),
    );
    const parts = ledgerParts(args, app.directory);
    process.stdout.write(`已导出 ${n.rows} 件事项、${n.history} 条办理记录${parts.length ? `（${parts.join('，')}）` : ''}：${out}（${statSync(out).size} 字节）\n`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && /^E[A-Z]+$/.test(code)) {
      process.stderr.write(`无法写入 ${values.out}：${(e as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    if (!(e instanceof UserError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.exitCode = reportStartupError(e);
});
