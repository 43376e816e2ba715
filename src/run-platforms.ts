import type { App } from './app.js';
import { InboxUnavailableError, type Accept, type InboundMessage } from './core/inbound.js';
import type { Adapter, PlatformModule } from './adapters/adapter.js';
import { inboxDownNotice } from './adapters/inbox-down-notice.js';

/** A running set of platforms. */
export interface RunningPlatforms {
  adapters: readonly Adapter[];
  /** Stops taking new events (webhooks answer 503) without closing anything yet. */
  pause(): void;
  stop(): Promise<void>;
}

/**
 * Builds and starts every configured platform on one core: all feed the same inbox and
 * ledger, and the outbox delivers through each. What the inbox holds from before a restart
 * is scheduled before any new event is taken.
 */
export async function runPlatforms(
  app: App, modules: readonly PlatformModule[], env: NodeJS.ProcessEnv, o: { leaderPollMs?: number } = {},
): Promise<RunningPlatforms> {
  const adapters: Adapter[] = [];
  const later: PlatformModule[] = [];
  for (const m of modules) {
    // A leader-only platform (one WeChat login) starts here only while this instance leads.
    if (m.leaderOnly && !(await app.leadership.holds())) later.push(m);
    else adapters.push(await m.create(env, app.core));
  }
  for (const a of adapters) app.dispatcher.register(a);
  await app.inbox.resume();
  for (const a of adapters) {
    await a.start(acceptFor(app, a));
    app.logger.info('platform started', { platform: a.platform });
  }
  app.dispatcher.start();
  void app.dispatcher.kick();
  for (const m of later) app.logger.info('platform waits for leadership', { platform: m.name });
  let paused = false;
  const timer = later.length === 0 ? undefined : setInterval(() => {
    void (async () => {
      if (paused || later.length === 0 || !(await app.leadership.holds())) return;
      for (const m of later.splice(0)) {
        const a = await m.create(env, app.core);
        adapters.push(a);
        app.dispatcher.register(a);
        await a.start(acceptFor(app, a));
        app.logger.info('platform started on becoming leader', { platform: a.platform });
      }
      void app.dispatcher.kick();
    })().catch((e: unknown) => app.logger.error('leader-only platform failed to start', { error: e }));
  }, o.leaderPollMs ?? 5_000);
  timer?.unref();
  return {
    adapters,
    pause() {
      paused = true;
      app.inbox.stop();
      for (const a of adapters) a.pause?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      for (const a of adapters) await a.stop();
    },
  };
}

/**
 * The inbox's accept, plus: when the ledger cannot take the message, the sender is told
 * (directly, not through the outbox, once per chat per incident) and the error goes back to
 * the adapter so that it does not acknowledge the platform.
 */
export function acceptFor(app: App, adapter: Adapter): Accept {
  const told = new Set<string>();
  return async (msg: InboundMessage) => {
    try {
      const a = await app.inbox.accept(msg);
      told.clear();
      return a;
    } catch (e) {
      if (e instanceof InboxUnavailableError && e.reason === 'storage' && !told.has(msg.chatId)) {
        told.add(msg.chatId);
        void adapter.send(inboxDownNotice(msg)).catch(() => undefined);
      }
      throw e;
    }
  };
}
