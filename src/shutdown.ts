import type { App } from './app.js';
import type { RunningPlatforms } from './run-platforms.js';
import type { BackupSchedule } from './backup-schedule.js';
import type { Logger } from './core/logger.js';
import type { LedgerGuard } from '../storage/sqlite/ledger-guard.js';

/** How long in-flight sends may take to finish after a stop is asked for. */
export const SEND_GRACE_MS = 5000;

let requested: Promise<string> | undefined;

/**
 * Resolves with the first SIGINT or SIGTERM. Called as early as the process knows it serves, so
 * a stop asked for while the bot is still starting is a graceful stop once it has started, not
 * the default kill.
 */
export function waitForShutdown(): Promise<string> {
  requested ??= new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  return requested;
}

const within = (ms: number, p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);

/**
 * The orderly stop: no new events (webhooks answer 503), the transaction in hand finishes
 * and what is queued stays in the inbox for the next start, in-flight sends get a few
 * seconds, then the platforms, the scheduler and the ledger close and the lease is released.
 */
export async function gracefulStop(o: { app: App; running: RunningPlatforms; backups?: BackupSchedule; guard?: LedgerGuard; logger: Logger; ledgerLost: boolean }): Promise<void> {
  const { app, running, logger } = o;
  logger.info('正在停止：不再接收新消息，处理中的消息完成后退出');
  running.pause();
  await within(SEND_GRACE_MS, app.inbox.idle());
  if (!(await within(SEND_GRACE_MS, app.dispatcher.stop()))) logger.warn('停止时仍有消息在发送，未发送的将在下次启动后发送');
  await within(SEND_GRACE_MS, running.stop());
  await o.backups?.stop();
  if (!o.ledgerLost) o.guard?.stop();
  await within(SEND_GRACE_MS, app.close());
  logger.info('督办助手已停止');
}
