import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { ActionContext } from '../domain/action-context.js';
import type { CoreSettings } from '../core/command.js';
import type { Reply } from '../core/reply.js';
import type { ReplyTarget } from '../core/ports.js';
import type { LocalDate } from '../time/shanghai.js';

/** When the office works and when each job runs (Shanghai wall-clock times, `HH:mm`). */
export interface ScheduleSettings {
  workStart: string;
  workEnd: string;
  chaseTime: string;
  ackChaseTime: string;
  reportTime: string;
  /** Working days before a deadline on which the responsible people are warned (预警). */
  warnDays: number[];
  /** Day of the month from which tasks without a progress report this month are prompted. */
  progressDay: number;
  /** Tasks (or people, or notices) a paged job handles per transaction; the event loop runs between pages. */
  pageSize?: number;
  /** 紧急 work not yet signed is chased every this many working hours the same day (J五(一) 即收即办). */
  urgentChaseHours: number;
}

export const DEFAULT_SCHEDULE: ScheduleSettings = {
  workStart: '08:30',
  workEnd: '18:00',
  chaseTime: '09:00',
  ackChaseTime: '16:30',
  reportTime: '09:00',
  warnDays: [3, 1],
  progressDay: 20,
  urgentChaseHours: 2,
};

/**
 * `chase` jobs only run on their own working day within working hours (a chase is never
 * sent late); `report` jobs missed while the bot was down run once when it is back.
 */
export type JobKind = 'chase' | 'report';

/** One scheduled run of a job; `period` is what makes it unique ("2026-12-07", "2026-W49", "2026-11"). */
export interface Occurrence {
  job: string;
  date: LocalDate;
  time: string;
  at: Date;
  period: string;
}

export interface JobContext extends ActionContext {
  settings: CoreSettings;
  schedule: ScheduleSettings;
  occurrence: Occurrence;
  /** Puts a message in the outbox, inside the run's transaction. */
  post(target: ReplyTarget, reply: Reply): Promise<void>;
  /** Posts to every group chat the bot serves; returns how many. */
  postToGroups(reply: Reply): Promise<number>;
  /** Sends one-to-one to a person on every platform the bot serves groups on where they have an account; returns how many. */
  postToPerson(personId: string, reply: Reply): Promise<number>;
}

export interface JobDefinition {
  name: string;
  /** Chinese name for operators and logs. */
  label: string;
  kind: JobKind;
  /** The time the job runs on `date`, if it runs that day. */
  timeOn(date: LocalDate, calendar: WorkCalendar, schedule: ScheduleSettings): string | undefined;
  /** The period a run on `date` covers ("2026-12-07", "2026-W49", "2026-11"): one run per period. */
  period(date: LocalDate, calendar: WorkCalendar): string;
  run(ctx: JobContext): Promise<{ detail?: string }>;
  /**
   * A paged job: one page from `cursor` (undefined on the first), in its own transaction.
   * Returns the cursor to resume from, or none with the run's detail when it is finished.
   * `memo` lives for one process's run only (it is rebuilt after a restart).
   */
  page?(ctx: JobContext, cursor: string | undefined, memo: Map<string, unknown>): Promise<PageResult>;
}

export interface PageResult {
  cursor?: string;
  detail?: string;
}

/** All of a paged job's pages in the caller's one transaction (a dry run, a test). */
export async function allPages(page: NonNullable<JobDefinition['page']>, ctx: JobContext): Promise<{ detail?: string }> {
  const memo = new Map<string, unknown>();
  let r = await page(ctx, undefined, memo);
  while (r.cursor !== undefined) r = await page(ctx, r.cursor, memo);
  return { detail: r.detail };
}
