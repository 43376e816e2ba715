import { SettingsError } from '../config/settings.js';

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
