import { z } from 'zod';
import { SettingsError } from '../../config/settings-error.js';
import { issueMessage } from '../../config/zod-message.js';
import type { WebhookLimits } from './lark-webhook.js';

export interface LarkSettings {
  appId: string;
  appSecret: string;
  encryptKey?: string;
  verificationToken?: string;
  /** API base URL, without a trailing slash. */
  domain: string;
  mode: 'ws' | 'webhook';
  webhookPort: number;
  webhookPath: string;
  /** Seconds without a pong after a ping before the long connection is taken for dead and redialled. */
  wsPingTimeoutSec: number;
  /** How often the long connection's state is checked (a client that gave up is restarted). */
  wsWatchMs?: number;
  /** Webhook limits other than the defaults (tests). */
  webhookLimits?: Partial<WebhookLimits>;
}

const HINT: Record<string, string> = {
  LARK_APP_ID: '在飞书开放平台「凭证与基础信息」页复制 App ID（形如 cli_a1b2c3d4e5f60718）',
  LARK_APP_SECRET: '在飞书开放平台「凭证与基础信息」页复制 App Secret',
  LARK_ENCRYPT_KEY: '在「事件与回调 → 加密策略」设置 Encrypt Key 并填在这里；webhook 模式必须设置，否则无法校验请求签名',
  LARK_DOMAIN: '默认飞书 https://open.feishu.cn；国际版填 https://open.larksuite.com；私有化部署填其地址',
  LARK_MODE: '填 ws（长连接，默认，无需公网地址）或 webhook',
  LARK_WEBHOOK_PORT: '填 1 到 65535 之间的端口号',
  LARK_WEBHOOK_PATH: '以 / 开头的路径，如 /webhook/event',
  LARK_WS_PING_TIMEOUT: '长连接发出心跳后等待回应的秒数，超时即重连；填 1 到 60 之间的秒数（须小于飞书的心跳间隔 120 秒），默认 15',
};

const schema = z.object({
  LARK_APP_ID: z.string().regex(/^cli_[0-9a-zA-Z]{8,32}$/, '格式不对'),
  LARK_APP_SECRET: z.string().min(8, '太短'),
  LARK_ENCRYPT_KEY: z.string().min(1).optional(),
  LARK_VERIFICATION_TOKEN: z.string().min(1).optional(),
  LARK_DOMAIN: z.string().url('须为网址').default('https://open.feishu.cn'),
  LARK_MODE: z.enum(['ws', 'webhook'], { message: '取值不对' }).default('ws'),
  // 0 lets the system pick a free port (logged at start-up); useful for tests.
  LARK_WEBHOOK_PORT: z.coerce.number({ message: '须为端口号' }).int('须为整数').min(0, '须为端口号').max(65535, '须为端口号').default(3000),
  LARK_WEBHOOK_PATH: z
    .string()
    .regex(/^\/\S*$/, '须以 / 开头')
    .default('/webhook/event'),
  LARK_WS_PING_TIMEOUT: z.coerce.number({ message: '须为秒数' }).min(1, '须为 1 到 60 之间的秒数').max(60, '须为 1 到 60 之间的秒数').default(15),
});

/** Lark runs when an app id is set. */
export function larkConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.LARK_APP_ID);
}

/** Validates the Lark settings; a SettingsError names the variable and says how to fix it. */
export function readLarkSettings(env: NodeJS.ProcessEnv): LarkSettings {
  const input = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('LARK_') && v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    const shown = name === 'LARK_APP_SECRET' || name === 'LARK_ENCRYPT_KEY' ? '（已隐去）' : JSON.stringify(env[name] ?? '');
    throw new SettingsError(`配置有误：${name}=${shown} ${issueMessage(issue)}。${HINT[name] ?? ''}`);
  }
  const e = parsed.data;
  if (e.LARK_MODE === 'webhook' && !e.LARK_ENCRYPT_KEY) {
    throw new SettingsError(`配置有误：LARK_MODE=webhook 时必须设置 LARK_ENCRYPT_KEY。${HINT.LARK_ENCRYPT_KEY}`);
  }
  return {
    appId: e.LARK_APP_ID,
    appSecret: e.LARK_APP_SECRET,
    encryptKey: e.LARK_ENCRYPT_KEY,
    verificationToken: e.LARK_VERIFICATION_TOKEN,
    domain: e.LARK_DOMAIN.replace(/\/+$/, ''),
    mode: e.LARK_MODE,
    webhookPort: e.LARK_WEBHOOK_PORT,
    webhookPath: e.LARK_WEBHOOK_PATH,
    wsPingTimeoutSec: e.LARK_WS_PING_TIMEOUT,
  };
}

/**
 * An app-wide send limit shared by several instances (PostgreSQL deployments): each instance
 * keeps `limit / DUBAN_INSTANCES` of it, so together they stay under the platform's figure.
 * Unset, or 1: the one instance has the whole limit.
 */
export function instanceShare(limit: number, env: NodeJS.ProcessEnv): number {
  const raw = env.DUBAN_INSTANCES;
  if (raw === undefined || raw === '') return limit;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 50) {
    throw new SettingsError(`配置有误：DUBAN_INSTANCES=${raw} 须为 1 到 50 的整数（同一数据库上同时运行的实例数）。`);
  }
  return Math.max(1, Math.floor(limit / n));
}
