import { existsSync } from 'node:fs';
import { z } from 'zod';
import { issueMessage } from './zod-message.js';
import type { ScheduleSettings } from '../jobs/job.js';
import type { QuestionModelSettings } from '../core/command.js';
import { SettingsError } from './settings-error.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '须写成 "09:00" 的格式');

const schema = z.object({
  DUBAN_DB: z.string().min(1).default('data/duban.db'),
  DUBAN_PG_POOL_MAX: z.string().optional(),
  DUBAN_PG_SSL: z.string().optional(),
  DUBAN_PG_SSL_CA: z.string().optional(),
  DUBAN_PG_STATEMENT_TIMEOUT_MS: z.string().optional(),
  DUBAN_PG_CONNECT_TIMEOUT_MS: z.string().optional(),
  DUBAN_PG_IDLE_TIMEOUT_MS: z.string().optional(),
  DUBAN_PG_LEASE_MS: z.string().optional(),
  DUBAN_PG_DIALECT: z.string().optional(),
  DUBAN_DIRECTORY: z.string().min(1).optional(),
  DUBAN_CALENDAR: z.string().min(1).optional(),
  DUBAN_BOT_NAME: z.string().min(1).max(20, '不超过 20 个字').default('督办助手'),
  DUBAN_LOG_LEVEL: z.enum(LOG_LEVELS, { message: `须为 ${LOG_LEVELS.join('、')} 之一` }).default('info'),
  DUBAN_LOG_FORMAT: z.enum(['json', 'text'], { message: '须为 json 或 text' }).optional(),
  DUBAN_COORDINATION_DAYS: z.coerce.number({ message: '须为整数' }).int('须为整数').min(1, '至少 1 个工作日').max(30, '不超过 30 个工作日').default(2),
  DUBAN_VERIFY_SHARE: z.coerce.number({ message: '须为 0 到 1 之间的小数' }).min(0.3, '复核比例不得低于 0.3（复核率应在30%以上）').max(1, '不能超过 1').default(0.3),
  DUBAN_WORK_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, '须写成 "08:30-18:00" 的格式')
    .default('08:30-18:00'),
  DUBAN_CHASE_TIME: time.default('09:00'),
  DUBAN_ACK_CHASE_TIME: time.default('16:30'),
  DUBAN_REPORT_TIME: time.default('09:00'),
  DUBAN_WARN_DAYS: z
    .string()
    .regex(/^\d{1,2}(,\d{1,2})*$/, '须写成以逗号分隔的工作日数，如 "3,1"')
    .default('3,1'),
  DUBAN_COLOUR_SCHEME: z.enum(['红黄绿', '蓝黄红'], { message: '须为 红黄绿 或 蓝黄红' }).default('红黄绿'),
  DUBAN_EXPORT_DIR: z.string().min(1).default('data/exports'),
  DUBAN_ISSUER: z.string().min(1).max(30, '不超过 30 个字').default('省人民政府督查室'),
  DUBAN_DOC_CODE: z.string().min(1).max(10, '不超过 10 个字').default('督查'),
  DUBAN_PROGRESS_DAY: z.coerce.number({ message: '须为 1 到 28 的整数' }).int('须为整数').min(1, '须为 1 到 28').max(28, '须为 1 到 28').default(20),
  DUBAN_URGENT_CHASE_HOURS: z.coerce.number({ message: '须为 1 到 8 的整数' }).int('须为整数').min(1, '至少 1 小时').max(8, '不超过 8 小时').default(2),
  DUBAN_ASSESSMENT_WEIGHTS: z.string().min(1).optional(),
  DUBAN_WECHAT_ROOMS: z.string().optional(),
  DUBAN_LARK_CHATS: z.string().optional(),
  DUBAN_THROTTLE_BURST: z.coerce.number({ message: '须为整数' }).int('须为整数').min(1, '至少 1 条').max(1000, '不超过 1000 条').default(10),
  DUBAN_THROTTLE_PER_MINUTE: z.coerce.number({ message: '须为整数' }).int('须为整数').min(1, '至少 1 条').max(6000, '不超过 6000 条').default(20),
  DUBAN_LLM_URL: z.url({ message: '须为完整网址，如 "http://10.1.2.3:8000/v1/chat/completions"' }).optional(),
  DUBAN_LLM_MODEL: z.string().min(1).max(200).optional(),
  DUBAN_LLM_KEY: z.string().min(1).optional(),
  DUBAN_LLM_TIMEOUT_MS: z.coerce.number({ message: '须为整数（毫秒）' }).int('须为整数').min(200, '至少 200 毫秒').max(30000, '不超过 30000 毫秒').default(3000),
  DUBAN_BACKUP_DIR: z.string().min(1).optional(),
  DUBAN_BACKUP_KEEP: z.coerce.number({ message: '须为整数' }).int('须为整数').min(1, '至少保留 1 份').max(365, '不超过 365 份').default(7),
  DUBAN_BACKUP_TIME: time.default('19:00'),
  DUBAN_HEAP_GROWTH_PERCENT: z.coerce.number({ message: '须为 0 到 400 的整数' }).int('须为整数').min(0, '须为 0 到 400').max(400, '须为 0 到 400').default(20),
  DUBAN_START: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/, '须写成 "2026-12-07 09:00" 的格式')
    .optional(),
});

export type CoreEnv = z.infer<typeof schema>;

/** The schedule from the settings; every job time must fall within working hours. */
export function scheduleFromEnv(env: CoreEnv): ScheduleSettings {
  const [workStart = '08:30', workEnd = '18:00'] = env.DUBAN_WORK_HOURS.split('-');
  if (workStart >= workEnd) throw new SettingsError(`配置有误：DUBAN_WORK_HOURS=${env.DUBAN_WORK_HOURS} 开始时间须早于结束时间。`);
  const times: Array<[string, string]> = [
    ['DUBAN_CHASE_TIME', env.DUBAN_CHASE_TIME],
    ['DUBAN_ACK_CHASE_TIME', env.DUBAN_ACK_CHASE_TIME],
    ['DUBAN_REPORT_TIME', env.DUBAN_REPORT_TIME],
  ];
  for (const [name, t] of times) {
    if (t < workStart || t > workEnd) throw new SettingsError(`配置有误：${name}=${t} 不在工作时间 ${env.DUBAN_WORK_HOURS} 内。催办和通报只在工作时间发送，请调整。`);
  }
  return {
    workStart,
    workEnd,
    chaseTime: env.DUBAN_CHASE_TIME,
    ackChaseTime: env.DUBAN_ACK_CHASE_TIME,
    reportTime: env.DUBAN_REPORT_TIME,
    warnDays: env.DUBAN_WARN_DAYS.split(',').map(Number),
    progressDay: env.DUBAN_PROGRESS_DAY,
    urgentChaseHours: env.DUBAN_URGENT_CHASE_HOURS,
  };
}

/** Work groups registered by setting: chat ids or titles per platform, comma-separated. */
export function workGroupAllowlistFromEnv(env: CoreEnv): Record<string, string[]> {
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return { wechat: list(env.DUBAN_WECHAT_ROOMS), lark: list(env.DUBAN_LARK_CHATS) };
}

/** The optional model-backed question reader; both URL and model must be set, or neither. */
export function questionModelFromEnv(env: CoreEnv): QuestionModelSettings | undefined {
  if (!env.DUBAN_LLM_URL && !env.DUBAN_LLM_MODEL) return undefined;
  if (!env.DUBAN_LLM_URL || !env.DUBAN_LLM_MODEL) {
    throw new SettingsError(
      `配置有误：${env.DUBAN_LLM_URL ? 'DUBAN_LLM_MODEL' : 'DUBAN_LLM_URL'} 未设置。启用模型辅助理解提问须同时设置 DUBAN_LLM_URL 和 DUBAN_LLM_MODEL（参见 .env.example），不用则两个都不设。`,
    );
  }
  return { url: env.DUBAN_LLM_URL, model: env.DUBAN_LLM_MODEL, key: env.DUBAN_LLM_KEY, timeoutMs: env.DUBAN_LLM_TIMEOUT_MS };
}

/** Reads `.env` (if present) into process.env without overriding variables already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Validates the core settings; empty strings count as unset. */
export function readCoreEnv(env: NodeJS.ProcessEnv = process.env): CoreEnv {
  const input = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('DUBAN_') && v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    throw new SettingsError(`配置有误：${name}=${JSON.stringify(env[name] ?? '')} ${issueMessage(issue)}。请修改 .env 文件或环境变量（参见 .env.example）。`);
  }
  return parsed.data;
}
