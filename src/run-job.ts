import { parseArgs } from 'node:util';
import { FakeClock } from './core/clock.js';
import { createLogger } from './core/logger.js';
import { loadDotEnv, readCoreEnv } from './config/settings.js';
import { applyHeapGrowth } from './config/heap.js';
import { reportStartupError } from './config/startup-error.js';
import { openApp } from './bootstrap.js';
import { JOBS } from './jobs/index.js';
import { renderText } from './render/text.js';
import { instantAt, localDate, localTime } from './time/shanghai.js';

const USAGE = `用法：npm run job -- <任务> [--at "2026-12-07 09:00"] [--dry-run]
任务：${JOBS.map((j) => `${j.name}（${j.label}）`).join('、')}`;

/**
 * Operator control: runs one job as of a given Shanghai time. The run is recorded by (job,
 * period) like a scheduled one, so it never repeats one that already happened; messages go to
 * the outbox and the running bot delivers them. `--dry-run` prints what would be sent and
 * records nothing.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { at: { type: 'string' }, 'dry-run': { type: 'boolean' }, db: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const name = positionals[0];
  const job = JOBS.find((j) => j.name === name);
  if (!job) {
    process.stderr.write(`${name ? `没有「${name}」这个任务。\n` : ''}${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const m = values.at ? /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/.exec(values.at) : null;
  if (values.at && !m) {
    process.stderr.write(`--at 须写成 "2026-12-07 09:00"。\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  loadDotEnv();
  const env = readCoreEnv({ ...process.env, ...(values.db ? { DUBAN_DB: values.db } : {}) });
  applyHeapGrowth(env.DUBAN_HEAP_GROWTH_PERCENT);
  const now = new Date();
  const date = m?.[1] ?? localDate(now);
  const time = m?.[2] ?? localTime(now);
  const clock = new FakeClock(instantAt(date, time));
  const app = openApp(env, { dbFile: env.DUBAN_DB, clock, logger: createLogger('warn', { format: env.DUBAN_LOG_FORMAT ?? 'text' }) });
  await app.storage.ready();
  try {
    const occ = app.jobs.occurrence(job, date, time);
    if (!occ) throw new Error('unreachable: an explicit time always gives an occurrence');
    const r = await app.jobs.run(job, occ, { dryRun: values['dry-run'] });
    const names = (id: string) => `@${app.directory.personName(id)}`;
    const head = { ran: '已运行', already: '该期已运行过，未重复执行', 'dry-run': '试运行（未发送、未记录）' }[r.status];
    process.stdout.write(`${job.label} ${occ.period}：${head}${r.detail ? `；${r.detail}` : ''}；消息 ${r.count} 条${r.count > r.messages.length ? `（列出前 ${r.messages.length} 条）` : ''}\n`);
    for (const { target, reply } of r.messages) {
      process.stdout.write(`\n→ ${target.platform} ${target.targetId}\n${renderText(reply, { mentionText: names })}\n`);
    }
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.exitCode = reportStartupError(e);
});
