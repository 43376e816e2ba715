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
export async function runPlatforms(app: App, modules: readonly PlatformModule[], env: NodeJS.ProcessEnv): Promise<RunningPlatforms> {
  const adapters: Adapter[] = [];
  const later: PlatformModule[] = [];
  /** The leader-only platforms running here, stopped when the lead is lost. */
  const leaderOnly = new Map<PlatformModule, Adapter>();
  for (const m of modules) {
    // A leader-only platform (one WeChat login) runs here only while this instance leads.
    if (m.leaderOnly && !(await app.leader.check())) later.push(m);
    else {
      const a = await m.create(env, app.core);
      adapters.push(a);
      if (m.leaderOnly) leaderOnly.set(m, a);
    }
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
  app.leader.onChange(async (leads) => {
    if (paused) return;
    if (leads) {
      for (const m of later.splice(0)) {
        const a = await m.create(env, app.core);
        adapters.push(a);
        leaderOnly.set(m, a);
        app.dispatcher.register(a);
        await a.start(acceptFor(app, a));
        app.logger.info('platform started on becoming leader', { platform: a.platform });
      }
      void app.dispatcher.kick();
      return;
    }
    // Lost the lead: the new leader logs in; two logins of one account must never run.
    for (const [m, a] of leaderOnly) {
      leaderOnly.delete(m);
      adapters.splice(adapters.indexOf(a), 1);
      app.dispatcher.unregister(a);
      await a.stop();
      later.push(m);
      app.logger.warn('platform stopped on losing leadership', { platform: a.platform });
    }
  });
  app.leader.start();
  return {
    adapters,
    pause() {
      paused = true;
      app.inbox.stop();
      for (const a of adapters) a.pause?.();
    },
    async stop() {
      app.leader.stop();
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
  // Per chat, the number of the outage it was last told of (one entry per chat that was ever
  // told): a nearly full disk lets some writes through between failures, and those belong to
  // the same outage (src/core/incident.ts).
  const told = new Map<string, number>();
  return async (msg: InboundMessage) => {
    try {
      return await app.inbox.accept(msg);
    } catch (e) {
      if (e instanceof InboxUnavailableError && e.reason === 'storage' && told.get(msg.chatId) !== app.incident.number) {
        told.set(msg.chatId, app.incident.number);
        void adapter.send(inboxDownNotice(msg)).catch(() => undefined);
      }
      throw e;
    }
  };
}
