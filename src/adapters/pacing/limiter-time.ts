import { setTimeout as delay } from 'node:timers/promises';

/**
 * The one sense of time every adapter's send pacing uses (Lark's per-chat and per-app windows,
 * WeChat's anti-burst intervals). Tests pass a virtual time whose `sleep` only moves `now`.
 */
export interface LimiterTime {
  now(): number;
  /** Resolves after `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTime: LimiterTime = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
};
