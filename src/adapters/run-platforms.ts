import type { App } from '../app.js';
import type { Adapter, PlatformModule } from './adapter.js';

/**
 * Builds and starts every configured platform on one core: all feed the same front door and
 * ledger, and the outbox delivers through each. Resolves with a stop function.
 */
export async function runPlatforms(
  app: App, modules: readonly PlatformModule[], env: NodeJS.ProcessEnv, o: { leaderPollMs?: number } = {},
): Promise<() => Promise<void>> {
  const adapters: Adapter[] = [];
  const later: PlatformModule[] = [];
  for (const m of modules) {
    // A leader-only platform (one WeChat login) starts here only while this instance leads.
    if (m.leaderOnly && !(await app.leadership.holds())) later.push(m);
    else adapters.push(await m.create(env, app));
  }
  for (const a of adapters) app.dispatcher.register(a);
  const handle = async (msg: Parameters<App['bot']['handle']>[0]) => {
    try {
      return await app.bot.handle(msg);
    } catch (e) {
      // The front door already turns command failures into answers; this guards the edge.
      app.logger.error('inbound handling failed', { platform: msg.platform, messageId: msg.messageId, error: e });
      return { outcome: 'failed' as const, replies: [] };
    }
  };
  for (const a of adapters) {
    await a.start(handle);
    app.logger.info('platform started', { platform: a.platform });
  }
  app.dispatcher.start();
  void app.dispatcher.kick();
  for (const m of later) app.logger.info('platform waits for leadership', { platform: m.name });
  const timer = later.length === 0 ? undefined : setInterval(() => {
    void (async () => {
      if (later.length === 0 || !(await app.leadership.holds())) return;
      for (const m of later.splice(0)) {
        const a = await m.create(env, app);
        adapters.push(a);
        app.dispatcher.register(a);
        await a.start(handle);
        app.logger.info('platform started on becoming leader', { platform: a.platform });
      }
      void app.dispatcher.kick();
    })().catch((e: unknown) => app.logger.error('leader-only platform failed to start', { error: e }));
  }, o.leaderPollMs ?? 5_000);
  timer?.unref();
  return async () => {
    if (timer) clearInterval(timer);
    for (const a of adapters) await a.stop();
  };
}
