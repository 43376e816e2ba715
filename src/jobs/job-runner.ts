import type { Storage } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Clock } from '../core/clock.js';
import type { CoreSettings } from '../core/command.js';
import type { Directory } from '../directory/directory.js';
import { IdentityService } from '../core/identity.js';

/** What running a job needs from the core. */
export interface JobRunnerDeps {
  storage: Storage;
  directory: Directory;
  calendar: WorkCalendar;
  clock: Clock;
  settings: CoreSettings;
  /** The same outbox port the front door writes through. */
  outbox: OutboxPort;
  /** Asks the outbox to deliver now. */
  kick(): void;
}
import type { Repositories } from '../../storage/repositories.js';
import type { Reply } from '../core/reply.js';
import type { OutboxPort, ReplyTarget } from '../core/ports.js';
import { workGroups } from '../core/work-groups.js';
import { instantAt, isoShanghai, localDate } from '../time/shanghai.js';
import type { JobContext, JobDefinition, Occurrence, ScheduleSettings } from './job.js';

export interface RunResult {
  /** `already`: that (job, period) ran before and nothing was done now. */
  status: 'ran' | 'already' | 'dry-run';
  occurrence: Occurrence;
  /**
   * What this process posted; a paged run keeps only its first KEPT_MESSAGES (it may post tens of
   * thousands, and holds nothing per message beyond a page), `count` counts them all.
   */
  messages: Array<{ target: ReplyTarget; reply: Reply }>;
  count: number;
  detail?: string;
}

/** Messages a paged run keeps for its caller (an operator's listing, a log line); the rest are only counted. */
export const KEPT_MESSAGES = 200;

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRun extends Error {
  constructor(readonly result: RunResult) {
    super('dry run');
  }
}

/**
 * Runs one occurrence of a job through the core: the run is recorded by (job, period) in the
 * same transaction as its effects (chase counts, audit records, outbox messages), so it
 * happens once or not at all, whatever restarts come in between.
 */
export class JobRunner {
  constructor(
    private readonly app: JobRunnerDeps,
    readonly schedule: ScheduleSettings,
  ) {}

  /** The occurrence of `job` on `date` at its scheduled time, or at `time` when given (operator runs). */
  occurrence(job: JobDefinition, date: string, time?: string): Occurrence | undefined {
    const t = time ?? job.timeOn(date, this.app.calendar, this.schedule);
    if (t === undefined) return undefined;
    return { job: job.name, date, time: t, at: instantAt(date, t), period: job.period(date, this.app.calendar) };
  }

  async run(job: JobDefinition, occ: Occurrence, opts: { dryRun?: boolean } = {}): Promise<RunResult> {
    if (job.page && !opts.dryRun) return this.runPaged(job, job.page.bind(job), occ);
    const now = this.app.clock.now();
    try {
      const result = await this.app.storage.transaction(async (repos): Promise<RunResult> => {
        const claimed = await repos.jobRuns.claim({
          job: job.name,
          period: occ.period,
          status: 'done',
          ranAt: isoShanghai(now),
          scheduled: isoShanghai(occ.at),
          messages: 0,
        });
        if (!claimed) return { status: 'already', occurrence: occ, messages: [], count: 0 };
        const messages: RunResult['messages'] = [];
        const { detail } = await job.run(this.context(repos, job, occ, now, messages));
        await repos.jobRuns.setResult(job.name, occ.period, messages.length, detail);
        const result: RunResult = { status: 'ran', occurrence: occ, messages, count: messages.length, detail };
        if (opts.dryRun) throw new DryRun({ ...result, status: 'dry-run' });
        return result;
      });
      if (result.messages.length > 0) this.app.kick();
      return result;
    } catch (e) {
      if (e instanceof DryRun) return e.result;
      throw e;
    }
  }

  /**
   * A paged job: each page is its own transaction and writes the run's cursor with its effects;
   * the last page records the run. Between pages the event loop runs (commands are answered and
   * the outbox sends what the pages posted). After a crash the next run resumes from the last
   * committed page, so nothing is done twice; `messages` holds what this process posted.
   */
  private async runPaged(job: JobDefinition, page: NonNullable<JobDefinition['page']>, occ: Occurrence): Promise<RunResult> {
    const memo = new Map<string, unknown>();
    const messages: RunResult['messages'] = [];
    let count = 0;
    for (let first = true; ; first = false) {
      const now = this.app.clock.now();
      const before = messages.length;
      const step = await this.app.storage
        .transaction(async (repos): Promise<{ done: boolean; already?: boolean; detail?: string }> => {
          if (await repos.jobRuns.find(job.name, occ.period)) return { done: true, already: true };
          const at = await repos.jobRuns.cursor(job.name, occ.period);
          const r = await page(this.context(repos, job, occ, now, messages), at?.cursor, memo);
          const posted = (at?.messages ?? 0) + messages.length - before;
          if (r.cursor !== undefined) {
            await repos.jobRuns.saveCursor(job.name, occ.period, { cursor: r.cursor, messages: posted, pages: (at?.pages ?? 0) + 1 }, isoShanghai(now));
            return { done: false };
          }
          await repos.jobRuns.claim({ job: job.name, period: occ.period, status: 'done', ranAt: isoShanghai(now), scheduled: isoShanghai(occ.at), messages: posted, detail: r.detail });
          return { done: true, detail: r.detail };
        })
        .catch((e: unknown) => {
          messages.splice(before);
          throw e;
        });
      if (messages.length > before) this.app.kick();
      count += messages.length - before;
      if (messages.length > KEPT_MESSAGES) messages.length = KEPT_MESSAGES;
      if (step.done) {
        if (step.already && first) return { status: 'already', occurrence: occ, messages: [], count: 0 };
        return { status: 'ran', occurrence: occ, messages, count, detail: step.detail };
      }
      // Settle first, then yield: a settle that waits resolves with the checkpoint worker's
      // message, in the poll phase; a page started there, and the next one started by a
      // setImmediate in the same loop turn, ran back to back (two pages, 75–110 ms, with no
      // timer or incoming request between them). Yielding last starts every page in the check
      // phase of a later turn than the page before it, after that turn's timers and I/O.
      await this.app.storage.settle?.();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private context(repos: Repositories, job: JobDefinition, occ: Occurrence, now: Date, messages: RunResult['messages']): JobContext {
    const source = `${job.name}:${occ.period}`;
    const identity = new IdentityService(this.app.directory);
    const origin = `job:${source}`;
    const at = isoShanghai(now);
    const outbox = this.app.outbox;
    const exportDir = this.app.settings.exportDir;
    return {
      repos,
      directory: this.app.directory,
      calendar: this.app.calendar,
      now,
      today: localDate(now),
      settings: this.app.settings,
      schedule: this.schedule,
      occurrence: occ,
      audit: (action, details, about) => repos.audit.append({ at, actorId: 'system', action, details, taskId: about?.taskId, subject: about?.subject, source: { job: source } }),
      async post(target, reply) {
        messages.push({ target, reply });
        await outbox.enqueueReplyWithCharts(repos, target, reply, origin, at, exportDir);
      },
      async postToGroups(reply) {
        const groups = await workGroups(repos.chats, this.settings.workGroupAllowlist);
        for (const g of groups) await this.post({ platform: g.platform, targetKind: 'chat', targetId: g.chatId }, reply);
        return groups.length;
      },
      async postToPerson(personId, reply) {
        const platforms = [...new Set((await repos.chats.groups()).map((g) => g.platform))];
        let n = 0;
        for (const platform of platforms) {
          const account = await identity.accountFor(repos.bindings, platform, personId);
          if (!account) continue;
          await this.post({ platform, targetKind: 'person', targetId: account }, reply);
          n += 1;
        }
        return n;
      },
    };
  }
}
