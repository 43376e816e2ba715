import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { pgDriver } from './pg-driver.js';
import type { PoolClient } from 'pg';
import type { Leadership, OpenedStorage, Repositories } from '../repositories.js';
import { PgLeadership } from './pg-leadership.js';
import { CHANNELS, PgListener } from './pg-listener.js';
import { SharedCache } from '../shared-cache.js';
import { DatabaseOpenError } from '../open-database.js';
import { StorageUnavailableError } from '../storage-error.js';
import { withTransactionCaches } from '../transaction-cache.js';
import { checkDialect, DIALECTS, POSTGRES, type Dialect, type DialectCheck } from './dialect.js';
import { migratePg } from './pg-migrate.js';
import { DEFAULT_PG_SETTINGS, poolConfig, type PgSettings } from './pg-settings.js';
import { PgSql } from './pg-sql.js';
import { PgAuditRepository, PgChatRepository, PgInboundRepository, PgJobRunRepository } from './simple-repositories.js';
import { PgChaseRepository } from './chase-repository.js';
import { PgInboxRepository } from './inbox-repository.js';
import { PgExcusalRepository, PgRectificationRepository, PgTaskMarkRepository, PgWarningRepository } from './assessment-repositories.js';
import { PgAssessmentStatsRepository } from './assessment-stats-repository.js';
import { PgBindingRepository, PgPeopleStateRepository } from './people-repositories.js';
import { PgRequestRepository, PgVerificationRepository } from './request-repositories.js';
import { PgOutboxRepository } from './outbox-repository.js';
import { PgTaskRepository } from './task-repository.js';
import { PgCoordinationRepository } from './coordination-repository.js';
import { PgStatsRepository } from './stats-repository.js';
import { PgLadderRepository } from './ladder-repository.js';

/** SQLSTATEs after which a transaction is simply run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 12;

export interface PgStorageOptions extends Partial<PgSettings> {
  /** `postgresql` (default), `kingbase` or `opengauss`: which spelling of the dialect statements to use. */
  dialect?: string;
}

/**
 * Storage on PostgreSQL, one pool per instance. Transactions of one instance run one at a
 * time (as on SQLite, so handlers written for SQLite behave the same); across instances they
 * run at SERIALIZABLE isolation and are retried when PostgreSQL reports a conflict, so a
 * read-then-write in a command can never interleave with another instance's.
 */
export class PgStorage implements OpenedStorage {
  readonly backend = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly dialect: Dialect;
  /** Identifies this instance in outbox leases. */
  readonly instanceId = randomUUID();
  /** LISTEN on a connection of its own: inbox hand-overs and cache invalidation from the other instances. */
  readonly changes: PgListener;
  /** Bindings and 代行 kept across transactions, dropped on every change any instance announces. */
  readonly sharedCache: SharedCache;
  /** How long this instance's inbox and outbox claims outlive it (DUBAN_PG_LEASE_MS). */
  readonly claimMs: number;
  /** What the start-up self-check found. */
  checks: DialectCheck[] = [];
  private readonly started: Promise<void>;
  private readonly config: pg.PoolConfig;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly url: string,
    o: PgStorageOptions = {},
  ) {
    const settings: PgSettings = { ...DEFAULT_PG_SETTINGS, ...o };
    const d = DIALECTS[o.dialect ?? 'postgresql'];
    if (!d) throw new DatabaseOpenError(`配置有误：DUBAN_PG_DIALECT=${o.dialect} 须为 ${Object.keys(DIALECTS).join('、')} 之一。`);
    this.dialect = d ?? POSTGRES;
    this.config = poolConfig(url, settings);
    this.claimMs = settings.leaseMs;
    this.pool = new (pgDriver().Pool)(this.config);
    // An idle client that loses its connection must not take the process down.
    this.pool.on('error', () => undefined);
    this.changes = new PgListener(this.clientConfig(), this.dialect);
    this.sharedCache = new SharedCache(this.changes);
    this.started = this.start();
    this.started.catch(() => undefined);
  }

  private async start(): Promise<void> {
    try {
      await migratePg(this.pool, this.dialect);
    } catch (e) {
      if (e instanceof DatabaseOpenError) throw e;
      throw new DatabaseOpenError(`PostgreSQL 数据库 ${redact(this.url)} 无法使用：${(e as Error).message}。请检查 DUBAN_DB 的地址、用户名、密码和网络。`);
    }
    this.checks = await checkDialect(this.pool, this.dialect);
    const missing = this.checks.filter((c) => !c.ok);
    if (missing.length > 0) {
      throw new DatabaseOpenError(`数据库不支持督办助手多实例所需的功能：${missing.map((m) => `${m.feature}（${m.error}）`).join('；')}。请换用 PostgreSQL，或检查 DUBAN_PG_DIALECT。`);
    }
    await this.changes.start();
  }

  ready(): Promise<void> {
    return this.started;
  }

  leadership(): Leadership {
    return new PgLeadership(this.clientConfig(), this.dialect);
  }

  /** The pool's connection settings, for a connection of its own. */
  private clientConfig(): pg.ClientConfig {
    const { max: _max, idleTimeoutMillis: _idle, ...client } = this.config;
    return client;
  }

  /** The repositories over one connection (a transaction's). */
  reposFor(client: PoolClient): Repositories {
    const s = new PgSql(client);
    return {
      tasks: new PgTaskRepository(s),
      jobRuns: new PgJobRunRepository(s),
      chases: new PgChaseRepository(s),
      ladder: new PgLadderRepository(s),
      stats: new PgStatsRepository(s),
      coordinations: new PgCoordinationRepository(s),
      requests: new PgRequestRepository(s),
      people: new PgPeopleStateRepository(s),
      verifications: new PgVerificationRepository(s),
      bindings: new PgBindingRepository(s),
      audit: new PgAuditRepository(s),
      inbound: new PgInboundRepository(s),
      inbox: new PgInboxRepository(s, this.dialect),
      chats: new PgChatRepository(s),
      outbox: new PgOutboxRepository(s, this.dialect, this.instanceId, this.claimMs),
      warnings: new PgWarningRepository(s),
      excusals: new PgExcusalRepository(s),
      marks: new PgTaskMarkRepository(s),
      rectifications: new PgRectificationRepository(s),
      assessment: new PgAssessmentStatsRepository(s),
    };
  }

  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new StorageUnavailableError('CLOSED', new Error('storage is closed'));
      await this.started;
      for (let attempt = 1; ; attempt++) {
        const client = await this.pool.connect().catch((e: unknown) => {
          throw unavailable(e) ?? e;
        });
        let broken = false;
        try {
          await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
          const announce = async () => void (await client.query(numbered(this.dialect.notify), [CHANNELS.cache, 'changed']));
          const result = await fn(withTransactionCaches(this.reposFor(client), { cache: this.sharedCache, announce }));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
          // A command may have wrapped the driver's error (its cause carries the SQLSTATE).
          const code = sqlState(e);
          if (code && RETRYABLE.has(code)) {
            // Several instances on the same rows: wait a random, growing moment, then again.
            // Still conflicting after that, it counts as the ledger being unavailable, so
            // the message is tried again later instead of being answered as failed.
            if (attempt >= MAX_ATTEMPTS) throw new StorageUnavailableError(code, e);
            await new Promise((r) => setTimeout(r, Math.random() * 5 * 2 ** Math.min(attempt, 6)));
            continue;
          }
          throw unavailable(e) ?? e;
        } finally {
          client.release(broken);
        }
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    if (!this.closed) {
      this.closed = true;
      await this.started.catch(() => undefined);
      await this.changes.close();
      await this.pool.end();
    }
  }
}

const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** PostgreSQL classes meaning the server or the connection, not the statement, is the problem. */
const UNAVAILABLE = /^(08|53|57P|58|E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH))/;

function unavailable(e: unknown): StorageUnavailableError | undefined {
  if (e instanceof StorageUnavailableError) return e;
  const code = sqlState(e);
  return code !== undefined && UNAVAILABLE.test(code) ? new StorageUnavailableError(code, e) : undefined;
}

/** The driver's code of an error, or of the error it wraps (`cause`, a few levels deep). */
function sqlState(e: unknown): string | undefined {
  for (let x = e, depth = 0; x && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$|^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
