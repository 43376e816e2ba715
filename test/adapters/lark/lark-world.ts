import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Directory } from '../../../src/directory/directory.js';
import { DEMO_DIRECTORY_PATH } from '../../../src/directory/load-directory.js';
import { directoryFileSchema } from '../../../src/directory/schema.js';
import { LarkAdapter } from '../../../src/adapters/lark/lark-adapter.js';
import type { LarkSettings } from '../../../src/adapters/lark/lark-settings.js';
import type { LimiterTime } from '../../../src/adapters/pacing/limiter-time.js';
import { makeHarness, type Harness } from '../../support/harness.js';
import { FakeLark } from './fake-lark.js';
import type { CoreSettings } from '../../../src/core/command.js';
import { acceptFor } from '../../../src/run-platforms.js';

export const KEY = 'test-encrypt-key';

/** The Lark open_id the test directory gives a person: `ou_wang_fang` for wang-fang. */
export const ou = (personId: string) => `ou_${personId.replace(/-/g, '_')}`;

/** The demo province with every person bound to a Lark open_id. */
export function larkDirectory(): Directory {
  const doc = directoryFileSchema.parse(parse(readFileSync(DEMO_DIRECTORY_PATH, 'utf8')));
  for (const p of doc.people) p.accounts = { ...p.accounts, lark: ou(p.id) };
  return new Directory(doc);
}

export interface LarkWorld {
  fake: FakeLark;
  h: Harness;
  adapter: LarkAdapter;
  url: string;
  /** Waits until every received event is handled and the outbox has been delivered. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function larkWorld(
  o: { mode?: 'webhook' | 'ws'; time?: LimiterTime; start?: [string, string]; directory?: Directory; settings?: Partial<LarkSettings>; fake?: FakeLark; core?: Partial<CoreSettings> } = {},
): Promise<LarkWorld> {
  const fake = o.fake ?? new FakeLark();
  if (!o.fake) await fake.start();
  const h = await makeHarness({ directory: o.directory ?? larkDirectory(), start: o.start, settings: o.core });
  const settings: LarkSettings = {
    appId: 'cli_0123456789abcdef',
    appSecret: 'test-secret',
    encryptKey: KEY,
    domain: fake.base,
    mode: o.mode ?? 'webhook',
    webhookPort: 0,
    webhookPath: '/webhook/event',
    wsPingTimeoutSec: 15,
    ...o.settings,
  };
  const adapter = new LarkAdapter(settings, h.app.core, o.time);
  h.app.dispatcher.register(adapter);
  // What runPlatforms does: the inbox's accept, telling the sender when it cannot record.
  await adapter.start(acceptFor(h.app, adapter));
  return {
    fake,
    h,
    adapter,
    url: `http://127.0.0.1:${adapter.port}/webhook/event`,
    async settle() {
      await adapter.idle();
      await h.app.inbox.idle();
      await h.app.dispatcher.kick();
    },
    async close() {
      await adapter.stop();
      await h.close();
      await fake.stop();
    },
  };
}
