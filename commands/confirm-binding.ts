import { COMMAND_WORDS } from '../src/texts/command-words.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { applyBinding, checkBinding } from '../src/domain/actions/bind-account.js';
import { takePendingBinding } from '../src/domain/actions/account-block.js';

/** The second administrator's confirmation of a 绑定 to a leader (主要领导, 分管领导, 秘书长) or an administrator. */
export const confirmBinding = defineCommand({
  name: COMMAND_WORDS.confirmBinding,
  aliases: ['confirm-bind'],
  category: '管理',
  summary: '另一位管理员确认绑定到领导或管理员的账号',
  usage: ['确认绑定 编号'],
  examples: ['确认绑定 1'],
  allowed: ['管理员'],
  parse(input) {
    const m = /^(\d{1,9})$/.exec(input.text.trim());
    return { id: m ? Number(m[1]) : undefined };
  },
  schema: z.object({ id: z.number({ message: '请写明待确认绑定的编号（见「绑定 列表」）' }).int() }),
  async run(ctx, args) {
    const pending = (await ctx.repos.bindings.pending()).find((p) => p.id === args.id);
    if (!pending) throw new UserError('invalid_state', `没有编号为 ${args.id} 的待确认绑定。发送「绑定 列表」查看。`, false);
    if (pending.requestedBy === ctx.actor.id) {
      throw new UserError('no_permission', '须由另一位管理员确认，申请人本人不能确认。', false);
    }
    const request = { platform: pending.platform, accountId: pending.accountId, personId: pending.personId, replace: pending.replace };
    // The state may have changed since the request: check again, as the confirming administrator.
    await checkBinding(ctx, request, `${pending.accountId} ${ctx.directory.personName(pending.personId)}`);
    await takePendingBinding(ctx, pending.id);
    return applyBinding(ctx, request, pending.requestedBy);
  },
});
