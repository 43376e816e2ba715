import type { Db } from '../storage/open-database.js';
import { backupLedger, newestBackupDate } from '../storage/sqlite/backup.js';
import type { Clock } from './core/clock.js';
import type { Logger } from './core/logger.js';
import { isoShanghai, localDate, localTime } from './time/shanghai.js';

/** Shanghai wall-clock stamp for a backup file name: YYYYMMDD-HHMMSS. */
export function backupStamp(now: Date): string {
  const iso = isoShanghai(now);
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

export interface BackupScheduleOptions {
  db: Db;
  dir: string;
  keep: number;
  /** Daily time, Asia/Shanghai ("19:00"). */
  time: string;
  clock: Clock;
  logger: Logger;
}

/**
 * The daily online backup: once a day at or after the set time (so a bot started later in
 * the evening still backs up that day), checked every minute. A failed backup is logged
 * and tried again at the next check.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly o: BackupScheduleOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), 60_000);
    this.timer.unref();
    void this.tick();
  }

  /** Runs the backup if today's is due and not yet made; resolves when done. */
  tick(now: Date = this.o.clock.now()): Promise<void> {
    if (this.running) return this.running;
    const today = localDate(now);
    if (localTime(now) < this.o.time || (newestBackupDate(this.o.dir) ?? '') >= today) return Promise.resolve();
    this.running = backupLedger(this.o.db, this.o.dir, { keep: this.o.keep, stamp: backupStamp(now) })
      .then((info) => this.o.logger.info('备份完成并已校验', { file: info.file, keep: this.o.keep }))
      .catch((e: unknown) => this.o.logger.error('备份失败，将在下一分钟重试', { dir: this.o.dir, error: e }))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
