import type { CorePort } from '../core/ports.js';
import type { Accept } from '../core/inbound.js';
import type { Sender } from '../outbox/outgoing.js';

/**
 * A chat platform's edge: it normalizes incoming events to `InboundMessage`, hands them to
 * the front door, and delivers outbox messages (rendering the platform-neutral Reply).
 * SDK types never leave the adapter's folder.
 */
export interface Adapter extends Sender {
  /**
   * Starts receiving; every normalized message goes to `accept`, and the platform is
   * acknowledged only once that has resolved (the message is then durably recorded).
   */
  start(accept: Accept): Promise<void>;
  stop(): Promise<void>;
  /** Stops taking new events (the webhook answers 503) ahead of `stop`. */
  pause?(): void;
  /** Whether the platform connection is up, for the health report. */
  health?(): { ok: boolean; detail: string };
}

/** A platform the bot can run on: whether its settings are present, and how to build it. */
export interface PlatformModule {
  /** `lark`, `wechat`: the `platform` of its messages. */
  name: string;
  /** Chinese name for messages: 飞书, 微信. */
  label: string;
  isConfigured(env: NodeJS.ProcessEnv): boolean;
  /** One login per account (WeChat): with several instances on one database, only the leader runs it. */
  leaderOnly?: boolean;
  /** Validates its settings (a SettingsError names the variable and the fix) and builds the adapter. */
  create(env: NodeJS.ProcessEnv, core: CorePort): Promise<Adapter>;
}
