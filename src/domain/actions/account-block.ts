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

/** 解绑: removes a runtime binding of a person on a platform; false when there was none. */
export async function unbindAccount(c: ActionContext, a: { platform: string; personId: string }): Promise<boolean> {
  if (!(await c.repos.bindings.unbind(a.platform, a.personId))) return false;
  await c.audit('unbind', { platform: a.platform, personId: a.personId }, { subject: `person:${a.personId}` });
  return true;
}

/** A 绑定 to a leader or an administrator waits for a second administrator; returns the pending id. */
export async function requestBinding(c: ActionContext, a: { platform: string; accountId: string; personId: string; replace: boolean; by: string }): Promise<number> {
  const request = { platform: a.platform, accountId: a.accountId, personId: a.personId, replace: a.replace };
  const id = await c.repos.bindings.requestBinding({ ...request, requestedBy: a.by, requestedAt: isoShanghai(c.now) });
  await c.audit('bind_requested', { ...request, pendingId: id }, { subject: `person:${a.personId}` });
  return id;
}

/** The confirmation takes the pending request off the list (the binding itself is applyBinding's). */
export async function takePendingBinding(c: ActionContext, pendingId: number): Promise<void> {
  await c.repos.bindings.dropPending(pendingId);
}
