import * as groups from '../src/domain/actions/work-group.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';

const none = z.object({ extra: z.string().max(0, '本命令不带参数，请在要登记的群里直接发送') });

/** Registers the group the command is sent in as a work group: only work groups receive tallies. */
export const registerWorkGroup = defineCommand({
  name: '本群登记为工作群',
  aliases: ['登记工作群', 'register-group'],
  category: '管理',
  summary: '管理员把本群登记为工作群：周通报、月统计、季度考核只发往登记的工作群',
  usage: ['本群登记为工作群'],
  examples: ['本群登记为工作群'],
  allowed: ['管理员'],
  parse: (input) => ({ extra: input.text }),
  schema: none,
  async run(ctx) {
    const { platform, chatId } = ctx.message;
    if (!(await groups.registerWorkGroup(ctx, { platform, chatId }, ctx.actor.id))) {
      throw new UserError('invalid_state', '只能在群聊中登记工作群，请在要登记的群里发送「本群登记为工作群」。', false);
    }
    return {
      reply: {
        tone: 'success',
        title: '本群已登记为工作群',
        lines: ['周通报、月统计、季度考核将发送到本群。', '注销请发送「注销本群」。'],
      },
    };
  },
});

export const unregisterWorkGroup = defineCommand({
  name: '注销本群',
  aliases: ['注销工作群', 'unregister-group'],
  category: '管理',
  summary: '管理员注销本群的工作群登记，本群不再收到定期通报',
  usage: ['注销本群'],
  examples: ['注销本群'],
  allowed: ['管理员'],
  parse: (input) => ({ extra: input.text }),
  schema: none,
  async run(ctx) {
    const { platform, chatId } = ctx.message;
    if (!(await groups.unregisterWorkGroup(ctx, { platform, chatId }))) {
      throw new UserError('invalid_state', '本群未登记为工作群（按配置 DUBAN_WECHAT_ROOMS / DUBAN_LARK_CHATS 列入的群需改配置）。', false);
    }
    return { reply: { tone: 'success', title: '已注销本群的工作群登记', lines: ['本群不再收到周通报、月统计、季度考核。'] } };
  },
});
