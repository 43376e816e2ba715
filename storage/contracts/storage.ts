import type { TaskRepository } from './tasks.js';
import type { AuditRepository } from './audit.js';
import type { InboundRepository, InboxRepository } from './inbound.js';
import type { ChatRepository } from './chats.js';
import type { OutboxRepository } from './outbox.js';
import type { BindingRepository } from './bindings.js';
import type { CoordinationRepository } from './coordinations.js';
import type { RequestRepository } from './requests.js';
import type { PeopleStateRepository } from './people.js';
import type { VerificationRepository } from './verifications.js';
import type { JobRunRepository } from './job-runs.js';
import type { ChaseRepository } from './chases.js';
import type { StatsRepository } from './stats.js';
import type { LadderRepository } from './ladder.js';
import type { AssessmentStatsRepository, ExcusalRepository, RectificationRepository, TaskMarkRepository, WarningRepository } from './assessment.js';

/**
 * Storage contracts. Every method returns a Promise so that a server database can stand in
 * for SQLite without touching commands; all calls made inside one `Storage.transaction`
 * commit together or not at all. A backend never assumes it is the only writer: another
 * instance may change any row between two transactions.
 */

export interface Repositories {
  tasks: TaskRepository;
  jobRuns: JobRunRepository;
  chases: ChaseRepository;
  ladder: LadderRepository;
  stats: StatsRepository;
  coordinations: CoordinationRepository;
  requests: RequestRepository;
  people: PeopleStateRepository;
  verifications: VerificationRepository;
  bindings: BindingRepository;
  audit: AuditRepository;
  inbound: InboundRepository;
  inbox: InboxRepository;
  chats: ChatRepository;
  outbox: OutboxRepository;
  warnings: WarningRepository;
  excusals: ExcusalRepository;
  marks: TaskMarkRepository;
  rectifications: RectificationRepository;
  assessment: AssessmentStatsRepository;
}

export interface Storage {
  /** Runs `fn` in one transaction; calls are serialized so transactions never interleave. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Called between the pages of a long job, outside any transaction: lets the backend catch up on
   * work its commits leave behind (SQLite: copying the WAL back into the file) without holding the
   * event loop. Absent where there is nothing to catch up on.
   */
  settle?(): Promise<void>;
}

/** A storage backend as the application holds it: the contracts, plus start-up and identity. */
export interface OpenedStorage extends Storage {
  readonly backend: 'sqlite' | 'postgres';
  /** Resolves once the backend is connected, migrated and checked; rejects with the reason otherwise. */
  ready(): Promise<void>;
  /** A new claim on leadership among the instances sharing this database. */
  leadership(): Leadership;
  /** Names this process among the instances on the database (inbox claims, outbox leases); constant with SQLite's one process. */
  readonly instanceId: string;
  /** Several instances: how long this one's claims (a chat's inbox, outbox rows) outlive it. */
  readonly claimMs?: number;
  /** Changes other instances commit, as they happen (PostgreSQL LISTEN); absent with SQLite's one process. */
  readonly changes?: ChangeFeed;
}

/** What an instance hears of the other instances' commits (PostgreSQL LISTEN/NOTIFY). */
export interface ChangeFeed {
  /**
   * Calls `fn` with the payload of each notification on the channel, from any instance
   * (this one included), delivered after the sender's COMMIT: `inbox` (a chat's message is
   * waiting; payload the chat id) and `cache` (bindings or 代行 changed).
   */
  on(channel: ChangeChannel, fn: (payload: string) => void): void;
  /** True while notifications can arrive; while false, nothing cached across transactions may be trusted. */
  readonly live: boolean;
  /** Goes up each time the feed connects again (notifications may have been missed in between). */
  readonly epoch: number;
}

export type ChangeChannel = 'inbox' | 'cache';

/**
 * Who among the instances on one database is the leader (runs the scheduler). With SQLite the
 * one process always is; with PostgreSQL, the instance holding an advisory lock on a dedicated
 * connection, so losing that connection loses leadership and another instance takes it.
 */
export interface Leadership {
  /** Whether this instance leads now; takes the lead when it is free. */
  holds(): Promise<boolean>;
  /** Gives leadership up (at shutdown). */
  close(): Promise<void>;
}
