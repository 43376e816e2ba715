import { describe, expect, it } from 'vitest';
import { LimiterStopped, SendLimiter } from '../../../src/adapters/wechat/send-limiter.js';
import type { LimiterTime } from '../../../src/adapters/pacing/limiter-time.js';

function virtualTime(): LimiterTime & { t: number } {
  const v = {
    t: 0,
    now: () => v.t,
    sleep: async (ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw new Error('aborted');
      v.t += ms;
    },
  };
  return v;
}

describe('SendLimiter', () => {
  it('keeps the minimum interval between messages to one chat but not across chats', async () => {
    const time = virtualTime();
    const limiter = new SendLimiter({ minIntervalMs: 3000, maxPerMinute: 100 }, time);
    const at: Array<[string, number]> = [];
    for (const chat of ['a', 'a', 'b', 'a']) {
      await limiter.acquire(chat);
      at.push([chat, time.t]);
    }
    expect(at).toEqual([
      ['a', 0],
      ['a', 3000],
      ['b', 3000],
      ['a', 6000],
    ]);
  });

  it('never lets more than the cap go out in any 60 seconds', async () => {
    const time = virtualTime();
    const limiter = new SendLimiter({ minIntervalMs: 0, maxPerMinute: 3 }, time);
    const at: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire(`chat-${i}`);
      at.push(time.t);
    }
    expect(at).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
  });

  it('serves concurrent callers in order', async () => {
    const time = virtualTime();
    const limiter = new SendLimiter({ minIntervalMs: 1000, maxPerMinute: 100 }, time);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.acquire('a').then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(time.t).toBe(2000);
  });

  it('rejects waiting and later callers once stopped', async () => {
    let release: (() => void) | undefined;
    const time: LimiterTime = {
      now: () => 0,
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          release = () => reject(new Error('aborted'));
          signal?.addEventListener('abort', () => release?.());
        }),
    };
    const limiter = new SendLimiter({ minIntervalMs: 1000, maxPerMinute: 100 }, time);
    await limiter.acquire('a');
    const waiting = limiter.acquire('a');
    limiter.stop();
    await expect(waiting).rejects.toBeInstanceOf(LimiterStopped);
    await expect(limiter.acquire('b')).rejects.toBeInstanceOf(LimiterStopped);
  });
});
