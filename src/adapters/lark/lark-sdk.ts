import { createRequire } from 'node:module';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../core/logger.js';
import { describeLogArgs } from './describe-error.js';
import type { LarkSettings } from './lark-settings.js';

/**
 * The SDK, loaded by `require`: an `import *` of its 6 MB CommonJS bundle makes Node scan it for
 * named exports, about 0.3 s of every start on Lark.
 */
export const larkSdk = createRequire(import.meta.url)('@larksuiteoapi/node-sdk') as typeof lark;

/**
 * A token cache of this client's own. The SDK's default cache is process-global and keyed by
 * app id only, so two clients (or two test servers) would share tokens.
 */
export function ownCache(): lark.Cache & { clear(): void } {
  const entries = new Map<string, { value: unknown; expires?: number }>();
  const key = (k: string | symbol, ns?: string) => `${ns ?? ''}/${String(k)}`;
  return {
    clear: () => entries.clear(),
    async get(k, opts) {
      const e = entries.get(key(k as string, opts?.namespace));
      return e && (e.expires === undefined || e.expires > Date.now()) ? e.value : undefined;
    },
    async set(k, value, expires, opts) {
      entries.set(key(k as string, opts?.namespace), { value, expires });
      return true;
    },
  } as lark.Cache & { clear(): void };
}

/**
 * The SDK logs through ours: only its warnings and errors, as one line each. Its error objects
 * are never serialized (their request config carries app_secret and message bodies): status,
 * code, method and URL path only, and strings with secrets and tokens redacted.
 */
export function sdkLogger(logger: Logger): lark.Logger {
  const join = (msg: unknown[]) => describeLogArgs(msg);
  return {
    error: (...msg: unknown[]) => logger.error('lark sdk', { detail: join(msg) }),
    warn: (...msg: unknown[]) => logger.warn('lark sdk', { detail: join(msg) }),
    info: () => undefined,
    debug: () => undefined,
    trace: () => undefined,
  };
}

export function createClient(s: LarkSettings, logger: Logger): { client: lark.Client; forgetToken(): void } {
  const cache = ownCache();
  const client = new larkSdk.Client({ appId: s.appId, appSecret: s.appSecret, domain: s.domain, cache, logger: sdkLogger(logger) });
  return { client, forgetToken: () => cache.clear() };
}

/** The bot's own open_id, to recognise when it is @-mentioned. */
export async function botOpenId(client: lark.Client): Promise<string> {
  const res = (await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' })) as { code?: number; msg?: string; bot?: { open_id?: string } };
  const id = res.bot?.open_id;
  if (!id) throw new Error(`飞书 bot/v3/info 未返回机器人 open_id（code ${res.code ?? '?'}：${res.msg ?? ''}）。请确认应用已启用机器人能力。`);
  return id;
}
