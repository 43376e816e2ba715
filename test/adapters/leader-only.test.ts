import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { runPlatforms } from '../../src/run-platforms.js';
import type { Adapter, PlatformModule } from '../../src/adapters/adapter.js';

let h: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await h?.close();
  h = undefined;
});

function fakeModule(name: string, leaderOnly: boolean, started: string[]): PlatformModule {
  return {
    name, label: name, leaderOnly, isConfigured: () => true,
    async create(): Promise<Adapter> {
      return {
        platform: name,
        async start() {
          started.push(name);
        },
        async stop() {},
        async send() {
          return {};
        },
      } as unknown as Adapter;
    },
  };
}

describe('leader-only platforms (one WeChat login for several instances)', () => {
  it('start only on the leader, and start when this instance becomes the leader', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    h = await makeHarness();
    let leads = false;
    h.app.leadership = { holds: async () => leads, close: async () => undefined };
    const started: string[] = [];
    const stop = await runPlatforms(h.app, [fakeModule('lark', false, started), fakeModule('wechat', true, started)], {}, { leaderPollMs: 1000 });
    expect(started).toEqual(['lark']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(started).toEqual(['lark']);
    leads = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual(['lark', 'wechat']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toEqual(['lark', 'wechat']);
    await stop.stop();
  });

  it('on SQLite the one process leads, so WeChat starts at once', async () => {
    h = await makeHarness();
    const started: string[] = [];
    const stop = await runPlatforms(h.app, [fakeModule('wechat', true, started)], {});
    expect(started).toEqual(['wechat']);
    await stop.stop();
  });
});
