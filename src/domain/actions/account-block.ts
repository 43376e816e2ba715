import type { ActionContext } from '../action-context.js';
import { isoShanghai } from '../../time/shanghai.js';

/** 停用: the account's messages are treated as an unregistered sender's; false when it was blocked already. */
export async function blockAccount(c: ActionContext, a: { platform: string; accountId: string; ownerId?: string | undefined; by: string }): Promise<boolean> {
  if (!(await c.repos.bindings.block(a.platform, a.accountId, a.by, isoShanghai(c.now)))) return false;
  await c.audit('block_account', { platform: a.platform, accountId: a.accountId, personId: a.ownerId }, { subject: a.ownerId ? `person:${a.ownerId}` : `account:${a.platform}:${a.accountId}` });
  return true;
}

/** 启用: false when the account was not blocked. */
export async function unblockAccount(c: ActionContext, a: { platform: string; accountId: string }): Promise<boolean> {
  if (!(await c.repos.bindings.unblock(a.platform, a.accountId))) return false;
  await c.audit('unblock_account', { platform: a.platform, accountId: a.accountId }, { subject: `account:${a.platform}:${a.accountId}` });
  return true;
}
