import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { runPlatforms } from '../../src/run-platforms.js';
import type { Adapter, PlatformModule } from '../../src/adapters/adapter.js';
import { LeadershipWatch } from '../../src/core/leadership-watch.js';

let h: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await h?.close();
  h = undefined;
});

function fakeModule(name: string, leaderOnly: boolean, started: string[], stopped: string[] = []): PlatformModule {
  return {
    name,
    label: name,
    leaderOnly,
    isConfigured: () => true,
    async create(): Promise<Adapter> {
      return {
        platform: name,
        async start() {
          started.push(name);
        },
        async stop() {
          stopped.push(name);
        },
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
    h.app.leader = new LeadershipWatch({ holds: async () => leads, close: async () => undefined }, h.app.logger, 1000);
    const started: string[] = [];
    const stop = await runPlatforms(h.app, [fakeModule('lark', false, started), fakeModule('wechat', true, started)], {});
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

  it('stop the WeChat login when this instance loses the lead, and start it again when it wins it back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    h = await makeHarness();
    let leads = true;
    h.app.leader = new LeadershipWatch({ holds: async () => leads, close: async () => undefined }, h.app.logger, 1000);
    const started: string[] = [];
    const stopped: string[] = [];
    const stop = await runPlatforms(h.app, [fakeModule('lark', false, started, stopped), fakeModule('wechat', true, started, stopped)], {});
    expect(started).toEqual(['lark', 'wechat']);
    leads = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(stopped).toEqual(['wechat']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(stopped).toEqual(['wechat']);
    leads = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual(['lark', 'wechat', 'wechat']);
    await stop.stop();
    expect(stopped).toEqual(['wechat', 'lark', 'wechat']);
  });

  it('on SQLite the one process leads, so WeChat starts at once', async () => {
    h = await makeHarness();
    const started: string[] = [];
    const stop = await runPlatforms(h.app, [fakeModule('wechat', true, started)], {});
    expect(started).toEqual(['wechat']);
    await stop.stop();
  });
});
