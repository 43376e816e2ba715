import { z } from 'zod';
import { SettingsError } from '../../config/settings-error.js';
import { issueMessage } from '../../config/zod-message.js';

/** The WeChat adapter's settings, validated at start-up. */
export interface WechatSettings {
  /** npm name of the wechaty puppet: `wechaty-puppet-service`, `wechaty-puppet-wechat4u` … */
  puppet: string;
  /** puppet-service token (its prefix before the last `_` is the TLS server name). */
  token?: string;
  /** puppet-service `host:port`; without it the endpoint is discovered from the token. */
  endpoint?: string;
  /** Room ids or topics the bot serves; empty: every room it is in. */
  rooms: string[];
  /** Minimum time between two messages to one room or contact. */
  minIntervalMs: number;
  /** Most messages sent in any 60 seconds, over all chats. */
  maxPerMinute: number;
}

export const WECHAT_DEFAULTS = { minIntervalMs: 3000, maxPerMinute: 20 } as const;

const PUPPET_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?wechaty-puppet-[a-z0-9][a-z0-9._-]*$/;
const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, '须为整数')
    .transform(Number)
    .pipe(z.number().min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`))
    .default(fallback);

const schema = z
  .object({
    WECHATY_PUPPET: z.string().regex(PUPPET_NAME, '须为 wechaty puppet 的 npm 包名，如 wechaty-puppet-service 或 wechaty-puppet-wechat4u'),
    WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
    WECHATY_PUPPET_SERVICE_ENDPOINT: z
      .string()
      .regex(/^[^\s/:]+:\d{1,5}$/, '须写成「主机:端口」，如 127.0.0.1:8788')
      .optional(),
    WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME: z.string().optional(),
    DUBAN_WECHAT_ROOMS: z.string().optional(),
    DUBAN_WECHAT_MIN_INTERVAL_MS: integer(0, 600_000, WECHAT_DEFAULTS.minIntervalMs),
    DUBAN_WECHAT_MAX_PER_MINUTE: integer(1, 600, WECHAT_DEFAULTS.maxPerMinute),
  })
  .superRefine((v, ctx) => {
    if (v.WECHATY_PUPPET !== 'wechaty-puppet-service') return;
    const token = v.WECHATY_PUPPET_SERVICE_TOKEN;
    if (!token) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHATY_PUPPET_SERVICE_TOKEN'],
        message: '使用 wechaty-puppet-service 时必须填写服务商提供的令牌（token）',
      });
    } else if (token.lastIndexOf('_') <= 0 && !v.WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME) {
      // wechaty-puppet-service takes the TLS server name (SNI) from the token's prefix and refuses a token without one.
      ctx.addIssue({
        code: 'custom',
        path: ['WECHATY_PUPPET_SERVICE_TOKEN'],
        message: '须带服务商前缀，前缀与令牌用「_」隔开（如 puppet_padlocal_…；自建、不用 TLS 的服务写 insecure_…）',
      });
    }
  });

/** WeChat runs when a puppet is named. */
export function isWechatConfigured(env: NodeJS.ProcessEnv): boolean {
  return (env.WECHATY_PUPPET ?? '').trim() !== '';
}

/** Validates the WeChat settings; a SettingsError names the variable and how to fix it. */
export function readWechatSettings(env: NodeJS.ProcessEnv): WechatSettings {
  const keys = Object.keys(schema.shape) as string[];
  const input = Object.fromEntries(
    keys.flatMap((k) => {
      const v = env[k]?.trim();
      return v ? [[k, v]] : [];
    }),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'WECHATY_PUPPET');
    const shown = name.endsWith('_TOKEN') ? (env[name] ? '"（已隐去）"' : '""') : JSON.stringify(env[name] ?? '');
    throw new SettingsError(`配置有误：${name}=${shown} ${issueMessage(issue)}。请修改 .env 文件或环境变量（参见 .env.example 的微信部分）。`);
  }
  const v = parsed.data;
  return {
    puppet: v.WECHATY_PUPPET,
    token: v.WECHATY_PUPPET_SERVICE_TOKEN,
    endpoint: v.WECHATY_PUPPET_SERVICE_ENDPOINT,
    rooms: (v.DUBAN_WECHAT_ROOMS ?? '')
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
    minIntervalMs: v.DUBAN_WECHAT_MIN_INTERVAL_MS,
    maxPerMinute: v.DUBAN_WECHAT_MAX_PER_MINUTE,
  };
}
