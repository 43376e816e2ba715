import * as accounts from '../src/domain/actions/account-block.js';
import { z } from 'zod';
import { defineCommand, type CommandInput } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import type { Platform } from '../src/directory/account-kinds.js';
import { platformByWord, platformLabel } from '../src/directory/account-kinds.js';

const schema = z.object({ platform: z.string().optional(), accountId: z.string({ message: '请写明要停用的账号ID' }).min(1).max(200) });

function parseAccount(input: CommandInput): { platform?: string; accountId?: string } {
  let platform: string | undefined;
  let accountId: string | undefined;
  for (const w of input.text.split(/\s+/).filter(Boolean)) {
    const p = platformByWord(w);
    if (p) platform = p;
    else if (w.startsWith('@') || w.startsWith('＠')) accountId = input.mentions.find((m) => m.name === w.slice(1) && m.accountId)?.accountId;
    else if (/^[A-Za-z0-9_.:@-]{3,}$/.test(w)) accountId = w;
    else throw new UserError('bad_arguments', `「${w}」不是账号ID。`);
  }
  return { platform, accountId };
}

/**
 * Blocks an account at run time, whatever the directory file or a binding says: messages from
 * it are answered as from an unregistered account until 启用.
 */
export const blockAccount = defineCommand({
  name: '停用',
  aliases: ['block'],
  category: '管理',
  summary: '管理员停用一个平台账号（包括通讯录文件中写明的账号），立即生效',
  usage: ['停用 账号ID [飞书｜微信]'],
  examples: ['停用 ou_7d8a6e6df7621556ce0d21922b676706'],
  allowed: ['管理员'],
  parse: parseAccount,
  schema,
  async run(ctx, args) {
    const platform = args.platform ?? ctx.message.platform;
    const label = platformLabel(platform);
    const owner = (await ctx.repos.bindings.personFor(platform, args.accountId)) ?? ctx.directory.personByAccount(platform as Platform, args.accountId)?.id;
    const fileOwner = ctx.directory.personByAccount(platform as Platform, args.accountId);
    if (!(await accounts.blockAccount(ctx, { platform, accountId: args.accountId, ownerId: owner, by: ctx.actor.id }))) {
      throw new UserError('invalid_state', `${label}账号 ${args.accountId} 已是停用状态。`, false);
    }
    return {
      reply: {
        tone: 'success',
        title: `已停用：${label}账号 ${args.accountId}${fileOwner ? `（通讯录文件中为 ${fileOwner.name}）` : owner ? `（原绑定 ${ctx.directory.personName(owner)}）` : ''}`,
        lines: ['该账号发来的消息按未登记账号处理；恢复请发送「启用 账号ID」。'],
      },
      notices: owner
        ? [
            {
              to: { kind: 'account', platform, accountId: args.accountId },
              reply: { tone: 'warning', title: `本${label}账号已由管理员 ${ctx.directory.personName(ctx.actor.id)} 停用，不再代表 ${ctx.directory.personName(owner)}。如有异议，请联系管理员。` },
            },
          ]
        : undefined,
    };
  },
});

export const unblockAccount = defineCommand({
  name: '启用',
  aliases: ['unblock'],
  category: '管理',
  summary: '管理员恢复一个已停用的平台账号',
  usage: ['启用 账号ID [飞书｜微信]'],
  examples: ['启用 ou_7d8a6e6df7621556ce0d21922b676706'],
  allowed: ['管理员'],
  parse: parseAccount,
  schema,
  async run(ctx, args) {
    const platform = args.platform ?? ctx.message.platform;
    if (!(await accounts.unblockAccount(ctx, { platform, accountId: args.accountId }))) {
      throw new UserError('invalid_state', `${platformLabel(platform)}账号 ${args.accountId} 未被停用。`, false);
    }
    return { reply: { tone: 'success', title: `已启用：${platformLabel(platform)}账号 ${args.accountId}` } };
  },
});
