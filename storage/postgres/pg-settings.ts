import { readFileSync } from 'node:fs';
import type { PoolConfig } from 'pg';
import { DatabaseOpenError } from '../open-database.js';

/** Pool and TLS settings of the PostgreSQL backend (DUBAN_PG_* in .env.example). */
export interface PgSettings {
  /** Connections per instance (transactions of one instance run one at a time; the rest serve leadership, LISTEN and claims). */
  poolMax: number;
  /** TLS: `disable`, `require` (encrypted, certificate not checked) or `verify-full` (checked against `sslCa` or the system roots). */
  ssl: 'disable' | 'require' | 'verify-full';
  /** PEM file of the certificate authority for `verify-full`. */
  sslCa?: string;
  /** A statement running longer than this is cancelled (milliseconds; 0 = no limit). */
  statementTimeoutMs: number;
  /** How long to wait for a free connection or a new one (milliseconds). */
  connectTimeoutMs: number;
  /** How long a connection may sit unused in the pool before it is closed (milliseconds). */
  idleTimeoutMs: number;
  /** How long an instance's claims (a chat's inbox, the outbox rows it is sending) outlive it, so how long a dead instance's chats wait (milliseconds). */
  leaseMs: number;
}

export const DEFAULT_PG_SETTINGS: PgSettings = {
  poolMax: 5,
  ssl: 'disable',
  statementTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  leaseMs: 30_000,
};

/** The PG_* settings from the environment; a wrong value is refused with the variable named. */
export function pgSettingsFromEnv(vars: object): Partial<PgSettings> {
  const env = vars as Record<string, string | undefined>;
  const out: Partial<PgSettings> = {};
  const int = (name: string, min: number, max: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new DatabaseOpenError(`配置有误：${name}=${raw} 须为 ${min} 到 ${max} 的整数。`);
    return n;
  };
  const poolMax = int('DUBAN_PG_POOL_MAX', 2, 100);
  if (poolMax !== undefined) out.poolMax = poolMax;
  const st = int('DUBAN_PG_STATEMENT_TIMEOUT_MS', 0, 600_000);
  if (st !== undefined) out.statementTimeoutMs = st;
  const ct = int('DUBAN_PG_CONNECT_TIMEOUT_MS', 100, 600_000);
  if (ct !== undefined) out.connectTimeoutMs = ct;
  const it = int('DUBAN_PG_IDLE_TIMEOUT_MS', 100, 3_600_000);
  if (it !== undefined) out.idleTimeoutMs = it;
  const lease = int('DUBAN_PG_LEASE_MS', 1_000, 600_000);
  if (lease !== undefined) out.leaseMs = lease;
  const ssl = env.DUBAN_PG_SSL;
  if (ssl !== undefined && ssl !== '') {
    if (ssl !== 'disable' && ssl !== 'require' && ssl !== 'verify-full') {
      throw new DatabaseOpenError(`配置有误：DUBAN_PG_SSL=${ssl} 须为 disable、require 或 verify-full。`);
    }
    out.ssl = ssl;
  }
  if (env.DUBAN_PG_SSL_CA) out.sslCa = env.DUBAN_PG_SSL_CA;
  return out;
}

export function poolConfig(url: string, s: PgSettings): PoolConfig {
  let ssl: PoolConfig['ssl'];
  if (s.ssl === 'require') ssl = { rejectUnauthorized: false };
  if (s.ssl === 'verify-full') {
    let ca: string | undefined;
    if (s.sslCa) {
      try {
        ca = readFileSync(s.sslCa, 'utf8');
      } catch (e) {
        throw new DatabaseOpenError(`DUBAN_PG_SSL_CA 指向的证书文件 ${s.sslCa} 无法读取：${(e as Error).message}`);
      }
    }
    ssl = { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
  }
  return {
    connectionString: url,
    max: s.poolMax,
    ssl,
    connectionTimeoutMillis: s.connectTimeoutMs,
    idleTimeoutMillis: s.idleTimeoutMs,
    ...(s.statementTimeoutMs > 0 ? { statement_timeout: s.statementTimeoutMs } : {}),
    application_name: 'duban-bot',
  };
}
