import type { AuditAction } from '../audit-actions.js';
import type { BindingRepository } from '../../../storage/repositories.js';
import { UserError } from '../../core/errors.js';
import { mention, type Reply } from '../../core/reply.js';
import type { Directory, Person } from '../../directory/directory.js';
import { platformLabel, writtenAccountId } from '../../directory/account-kinds.js';
import { isoShanghai } from '../../time/shanghai.js';
import type { Role } from '../roles.js';

/** Binding an account to one of these needs a second administrator's 确认绑定. */
export const CONFIRM_ROLES: readonly Role[] = ['主要领导', '分管领导', '秘书长', '管理员'];

/** What a binding needs from a command's context (a CommandContext is one). */
export interface BindContext {
  repos: { bindings: BindingRepository };
  directory: Directory;
  actor: Person;
  now: Date;
  message: { platform: string };
  audit(action: AuditAction, details: Record<string, unknown>, about?: { subject?: string }): Promise<void>;
}

/** The reply and the one-to-one notices of a binding (a CommandOutcome). */
export interface BindOutcome {
  reply: Reply;
  notices: Array<{ to: { kind: 'person'; personId: string } | { kind: 'account'; platform: string; accountId: string }; reply: Reply }>;
}

export interface BindRequest {
  platform: string;
  accountId: string;
  personId: string;
  /** The command said 替换: an account or person already bound may be rebound. */
  replace: boolean;
}

/** The account the directory file writes for a person (a console name counts only when written). */
export function fileAccount(person: Person, platform: string): string | undefined {
  return writtenAccountId(person.accounts, platform);
}

/** What a binding would change: who the account belongs to now, and the person's current account. */
export async function bindingEffects(ctx: BindContext, r: BindRequest): Promise<{ owner?: string; ownerBy?: '通讯录文件' | '绑定'; current?: string }> {
  const runtimeOwner = await ctx.repos.bindings.personFor(r.platform, r.accountId);
  const fileOwner = ctx.directory.personByAccount(r.platform, r.accountId)?.id;
  const owner = runtimeOwner ?? fileOwner;
  const person = ctx.directory.person(r.personId);
  const current = (await ctx.repos.bindings.accountFor(r.platform, r.personId)) ?? (person ? fileAccount(person, r.platform) : undefined);
  return {
    owner: owner === r.personId ? undefined : owner,
    ownerBy: runtimeOwner ? '绑定' : fileOwner ? '通讯录文件' : undefined,
    current: current === r.accountId ? undefined : current,
  };
}

/**
 * Checks a binding an administrator asked for: never to oneself, never of a blocked account,
 * and an account or person already bound elsewhere only with an explicit 替换.
 */
export async function checkBinding(ctx: BindContext, r: BindRequest, words: string): Promise<void> {
  const label = platformLabel(r.platform);
  if (r.personId === ctx.actor.id) {
    throw new UserError('no_permission', '管理员不能把账号绑定到本人。请由另一位管理员办理，或在通讯录文件中写明。', false);
  }
  if (await ctx.repos.bindings.isBlocked(r.platform, r.accountId)) {
    throw new UserError('invalid_state', `${label}账号 ${r.accountId} 已停用。如确需启用，请先发送「启用 ${r.accountId}」。`, false);
  }
  if (r.replace) return;
  const { owner, ownerBy, current } = await bindingEffects(ctx, r);
  const name = ctx.directory.personName(r.personId);
  if (owner) {
    throw new UserError('invalid_state', `${label}账号 ${r.accountId} 已属于 ${ctx.directory.personName(owner)}（${ownerBy}），未改绑。如确需改绑给 ${name}，请发送「绑定 ${words} 替换」。`, false);
  }
  if (current) {
    throw new UserError('invalid_state', `${name} 已有${label}账号 ${current}，未改绑。如确需换成 ${r.accountId}，请发送「绑定 ${words} 替换」。`, false);
  }
}

/**
 * Makes the binding: the account goes to the person, the person's former account on that
 * platform stops acting for them (a file account is blocked), and everyone affected is told.
 */
export async function applyBinding(ctx: BindContext, r: BindRequest, confirmedFor?: string): Promise<BindOutcome> {
  const { owner, current } = await bindingEffects(ctx, r);
  const at = isoShanghai(ctx.now);
  const label = platformLabel(r.platform);
  await ctx.repos.bindings.bind({ platform: r.platform, accountId: r.accountId, personId: r.personId, boundBy: ctx.actor.id, boundAt: at });
  // A person has one account per platform: the account the file gave them stops acting for them.
  const person = ctx.directory.person(r.personId);
  const blockedOld = current !== undefined && person !== undefined && fileAccount(person, r.platform) === current;
  if (blockedOld && current) await ctx.repos.bindings.block(r.platform, current, ctx.actor.id, at);
  await ctx.audit(
    'bind',
    {
      platform: r.platform,
      accountId: r.accountId,
      personId: r.personId,
      previousOwner: owner,
      previousAccount: current,
      replace: r.replace,
      requestedBy: confirmedFor,
    },
    { subject: `person:${r.personId}` },
  );
  const name = ctx.directory.label(r.personId);
  const lines: string[] = [];
  const notices: BindOutcome['notices'] = [];
  const by = ctx.directory.personName(ctx.actor.id);
  if (owner) {
    lines.push(`该账号原属 ${mention(owner)}，已改绑。`);
    notices.push({
      to: { kind: 'person', personId: owner },
      reply: { tone: 'warning', title: `您的${label}账号 ${r.accountId} 已由管理员 ${by} 改绑给 ${ctx.directory.personName(r.personId)}。如有异议，请联系管理员。` },
    });
  }
  if (current) lines.push(`${ctx.directory.personName(r.personId)} 原${label}账号 ${current} 不再代表本人${blockedOld ? '（通讯录文件中的账号已停用）' : ''}。`);
  notices.push({
    to: { kind: 'person', personId: r.personId },
    reply: { tone: 'info', title: `管理员 ${by} 已把${label}账号 ${r.accountId} 绑定为 ${ctx.directory.personName(r.personId)}。如非本人账号，请立即联系管理员。` },
  });
  if (current && r.platform === ctx.message.platform) {
    notices.push({
      to: { kind: 'account', platform: r.platform, accountId: current },
      reply: { tone: 'warning', title: `${ctx.directory.personName(r.personId)} 的${label}账号已由管理员 ${by} 换成 ${r.accountId}，本账号不再代表本人。如有异议，请联系管理员。` },
    });
  }
  return {
    reply: { tone: 'success', title: `已绑定：${label}账号 ${r.accountId} → ${name}`, lines: lines.length > 0 ? lines : undefined },
    notices,
  };
}
