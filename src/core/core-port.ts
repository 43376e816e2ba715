import type { Storage } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import { isoShanghai } from '../time/shanghai.js';
import { ALL_STATUSES } from '../domain/task.js';
import type { Clock } from './clock.js';
import type { IdentityService } from './identity.js';
import type { Accept } from './inbound.js';
import type { Logger } from './logger.js';
import type { CorePort, PlatformAccounts } from './ports.js';
import type { Reply } from './reply.js';

export interface CorePortDeps {
  botName: string;
  storage: Storage;
  directory: Directory;
  identity: IdentityService;
  clock: Clock;
  logger: Logger;
  accept: Accept;
  deliver: () => Promise<void>;
  taskView: (code: string) => Promise<Reply | undefined>;
  /** Read on every call: main wires the real report once everything runs. */
  health: () => { ok: boolean };
}

/** The core's edge for adapters, built once by the composition root. */
export function createCorePort(d: CorePortDeps): CorePort {
  const tx = d.storage.transaction.bind(d.storage);
  const accounts = (platform: string): PlatformAccounts => ({
    personFor: (id) => tx((r) => d.identity.personFor(r.bindings, platform, id)),
    accountFor: (id) => tx((r) => d.identity.accountFor(r.bindings, platform, id)),
    isBlocked: (id) => tx((r) => r.bindings.isBlocked(platform, id)),
    remember: (accountId, personId, job) =>
      tx(async (r) => {
        const at = isoShanghai(d.clock.now());
        if (!(await d.identity.remember(r.bindings, platform, accountId, personId, at))) return;
        await r.audit.append({
          at,
          actorId: 'system',
          action: 'bind_remembered',
          subject: `person:${personId}`,
          details: { platform, accountId, personId },
          source: { job },
        });
      }),
  });
  return {
    botName: d.botName,
    directory: d.directory,
    clock: d.clock,
    logger: d.logger,
    accept: d.accept,
    deliver: d.deliver,
    taskView: d.taskView,
    accounts,
    groupChats: async (platform) => (await tx((r) => r.chats.groups())).filter((g) => g.platform === platform).map((g) => g.chatId),
    ledgerCounts: () => tx(async (r) => ({ tasks: await r.tasks.count({ statuses: ALL_STATUSES }), records: await r.audit.count() })),
    health: () => d.health(),
  };
}
