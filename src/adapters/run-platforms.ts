import type { App } from '../app.js';
import type { Adapter, PlatformModule } from './adapter.js';

/**
 * Builds and starts every configured platform on one core: all feed the same front door and
 * ledger, and the outbox delivers through each. Resolves with a stop function.
 */
export async function runPlatforms(app: App, modules: readonly PlatformModule[], env: NodeJS.ProcessEnv): Promise<() => Promise<void>> {
  const adapters: Adapter[] = [];
  for (const m of modules) adapters.push(await m.create(env, app));
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
  return async () => {
    for (const a of adapters) await a.stop();
  };
}
