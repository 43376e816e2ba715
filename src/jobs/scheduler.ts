import cron, { type ScheduledTask } from 'node-cron';
import type { Storage } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { FakeClock } from '../core/clock.js';
import { addDays, isoShanghai, localDate, localTime } from '../time/shanghai.js';
import type { JobDefinition, Occurrence } from './job.js';
import type { JobRunner } from './job-runner.js';

/** A clock this far behind the latest time the scheduler saw counts as moved backwards. */
const CLOCK_TOLERANCE_MS = 60_000;

/** How far back report catch-up looks for a missed run. */
const CATCH_UP_DAYS = 100;

/**
 * Runs the jobs on the working-day calendar, Asia/Shanghai. In real time a node-cron tick
 * every minute runs whatever is due and not yet recorded (so a restart catches up once and
 * repeats nothing); chases only on their own working day within working hours, reports
 * whenever the bot is next at work. In simulated time (console transcripts) every
 * occurrence between two clock readings runs at its own moment.
 */
export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<void> = Promise.resolve();
  private clockBehind = false;

  constructor(
    private readonly app: {
      storage: Storage;
      calendar: WorkCalendar;
      clock: Clock;
      logger: Logger;
      /** Whether this instance leads (several instances on one database: only the leader runs jobs). */
      leader?: () => Promise<boolean>;
    },
    private readonly runner: JobRunner,
    private readonly jobs: readonly JobDefinition[],
  ) {}

  /** All occurrences on a date, in time order (ties in job-table order). */
  occurrencesOn(date: string): Occurrence[] {
    const out: Occurrence[] = [];
    for (const job of this.jobs) {
      const occ = this.runner.occurrence(job, date);
      if (occ) out.push(occ);
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /** Occurrences in (from, to], in time order. */
  occurrencesBetween(from: Date, to: Date): Occurrence[] {
    const out: Occurrence[] = [];
    for (let d = localDate(from); d <= localDate(to); d = addDays(d, 1)) {
      for (const occ of this.occurrencesOn(d)) if (occ.at > from && occ.at <= to) out.push(occ);
    }
    return out;
  }

  /** What is due at `now` and not yet run. */
  async due(now: Date): Promise<Occurrence[]> {
    const today = localDate(now);
    const time = localTime(now);
    const s = this.runner.schedule;
    if (!this.app.calendar.isWorkingDay(today) || time < s.workStart || time > s.workEnd) return [];
    // A clock that moved backwards never runs a period earlier than one already run: nothing
    // runs until it has caught up with the latest time seen (the high-water mark).
    const seen = await this.app.storage.transaction((r) => r.jobRuns.raiseMeta('clock_high_water', now.toISOString()));
    if (Date.parse(seen) > now.getTime() + CLOCK_TOLERANCE_MS) {
      if (!this.clockBehind) {
        this.app.logger.warn('系统时钟倒退：早于已运行过的时间，定时任务暂停，待时钟追上后恢复', { now: isoShanghai(now), highWater: isoShanghai(new Date(seen)) });
      }
      this.clockBehind = true;
      return [];
    }
    if (this.clockBehind) this.app.logger.info('系统时钟已追上，定时任务恢复', { now: isoShanghai(now) });
    this.clockBehind = false;
    const since = await this.app.storage.transaction((r) => r.jobRuns.setMetaOnce('scheduler_started', isoShanghai(now)));
    const due: Occurrence[] = [];
    for (const job of this.jobs) {
      let occ = this.runner.occurrence(job, today);
      if (occ && occ.at > now) occ = undefined;
      if (!occ && job.kind === 'report') {
        for (let d = addDays(today, -1), i = 0; i < CATCH_UP_DAYS && !occ; d = addDays(d, -1), i++) occ = this.runner.occurrence(job, d);
      }
      // Catch-up never reaches back before the day the scheduler first ran here.
      if (!occ || occ.date < since.slice(0, 10)) continue;
      const period = occ.period;
      const done = await this.app.storage.transaction((r) => r.jobRuns.find(job.name, period));
      if (!done) due.push(occ);
    }
    return due.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /** Runs what is due at `now`; one failing job never stops the others or the process. */
  tick(now: Date = this.app.clock.now()): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.app.leader && !(await this.app.leader())) return;
      for (const occ of await this.due(now)) await this.runSafely(occ);
    });
    return this.running.catch((e: unknown) => this.app.logger.error('scheduler tick failed', { error: e }));
  }

  /** Simulated time: runs each occurrence in (from, to] with the clock at its moment, then leaves the clock at `to`. */
  async runBetween(from: Date, to: Date, clock: FakeClock): Promise<void> {
    // Simulated runs count as the scheduler having run here, so a later session can catch up from them.
    await this.app.storage.transaction((r) => r.jobRuns.setMetaOnce('scheduler_started', isoShanghai(from)));
    for (const occ of this.occurrencesBetween(from, to)) {
      clock.set(occ.at);
      await this.runSafely(occ);
    }
    clock.set(to);
  }

  /**
   * A simulated-time session opening a database the scheduler has already run on: at `now`
   * (the session's starting time) it catches up exactly as a restart in real time does.
   * A fresh database has nothing to catch up.
   */
  async catchUp(now: Date): Promise<void> {
    const started = await this.app.storage.transaction((r) => r.jobRuns.meta('scheduler_started'));
    if (started) await this.tick(now);
  }

  /** Starts the minute tick (Asia/Shanghai) and catches up at once. */
  start(): void {
    if (this.task) return;
    this.task = cron.schedule('* * * * *', () => void this.tick(), { timezone: 'Asia/Shanghai', name: 'duban-scheduler' });
    void this.tick();
  }

  /** Runs what is due now if the minute tick is running (this instance has just become the leader). */
  wake(): void {
    if (this.task) void this.tick();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = undefined;
    await this.running.catch(() => undefined);
  }

  private async runSafely(occ: Occurrence): Promise<void> {
    const job = this.jobs.find((j) => j.name === occ.job);
    if (!job) return;
    // One logger per job run: every line names the job and its period.
    const log = this.app.logger.child({ job: job.name, period: occ.period });
    try {
      const r = await this.runner.run(job, occ);
      if (r.status === 'ran') log.info('job ran', { messages: r.count, detail: r.detail });
    } catch (e) {
      log.error('job failed', { error: e });
    }
  }
}
