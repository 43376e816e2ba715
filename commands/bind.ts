import { commandButton } from '../src/core/command-button.js';
import { z } from 'zod';
import { defineCommand, type CommandInput, type ParseContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { CONFIRM_ROLES, applyBinding, checkBinding } from '../src/domain/actions/bind-account.js';
import { requestBinding, unbindAccount } from '../src/domain/actions/account-block.js';
import { platformByWord, platformLabel } from '../src/directory/account-kinds.js';

const ACCOUNT = /^[A-Za-z0-9_.:@-]{3,}$/;

const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('list') }),
  z.object({
    action: z.literal('bind'),
    platform: z.string().optional(),
    accountId: z.string().min(1).max(200),
    personId: z.string(),
    replace: z.boolean(),
    words: z.string(),
  }),
]);

function parseBind(input: CommandInput, ctx: ParseContext): z.input<typeof schema> {
  const words = input.text.split(/\s+/).filter(Boolean);
  if (words.length === 1 && /^(列表|list|清单)$/.test(words[0] ?? '')) return { action: 'list' };
  let platform: string | undefined;
  let personId: string | undefined;
  let accountId: string | undefined;
  let replace = false;
  const kept: string[] = [];
  for (const w of words) {
    if (/^(替换|改绑|replace)$/i.test(w)) {
      replace = true;
      continue;
    }
    kept.push(w);
    const p = platformByWord(w);
    if (p) {
      platform = p;
      continue;
    }
    const bare = w.replace(/^[@＠]/, '');
    const mention = input.mentions.find((m) => m.name === bare && m.accountId);
    if (w.startsWith('@') || w.startsWith('＠')) {
      if (mention?.accountId) accountId = mention.accountId;
      else if (!personId && ctx.directory.findPerson(bare)) personId = ctx.directory.findPerson(bare)?.id;
      else throw new UserError('unknown_person', `「${w}」不是本群成员的提及，请直接写账号ID。`);
      continue;
    }
    const person = ctx.directory.findPerson(w);
    if (person && !personId) personId = person.id;
    else if (ACCOUNT.test(w) && !accountId) accountId = w;
    else throw new UserError('unknown_person', `通讯录中没有「${w}」。请写通讯录中的姓名。`);
  }
  if (!accountId || !personId) throw new UserError('bad_arguments', '请写明要绑定的账号（账号ID 或 @群成员）和通讯录姓名。');
  return { action: 'bind', platform, accountId, personId, replace, words: kept.join(' ') };
}

export const bind = defineCommand({
  name: '绑定',
  aliases: ['bind'],
  category: '管理',
  summary: '管理员把平台账号绑定到通讯录人员；改绑须写「替换」，绑定到领导须另一位管理员确认',
  usage: ['绑定 账号ID 通讯录姓名 [飞书｜微信] [替换]', '绑定 @群成员 通讯录姓名', '绑定 列表'],
  examples: ['绑定 ou_7d8a6e6df7621556ce0d21922b676706 王芳', '绑定 @王芳 王芳', '绑定 ou_x 王芳 替换', '绑定 列表'],
  allowed: ['管理员'],
  parse: parseBind,
  schema,
  async run(ctx, args) {
    if (args.action === 'list') {
      const all = await ctx.repos.bindings.list();
      const pending = await ctx.repos.bindings.pending();
      return {
        reply: {
          tone: 'info',
          title: `已绑定账号：${all.length} 个`,
          lines: [
            ...all.map((b) => `${ctx.directory.personName(b.personId)} · ${platformLabel(b.platform)} · ${b.accountId}${b.boundBy.startsWith('system:') ? ' · 按昵称/备注自动记录' : ''}`),
            ...pending.map((p) => `待确认 ${p.id}：${ctx.directory.personName(p.personId)} · ${platformLabel(p.platform)} · ${p.accountId}（${ctx.directory.personName(p.requestedBy)} 申请）`),
          ],
          note: '通讯录文件中写明的账号不在此列。',
        },
      };
    }
    const request = { platform: args.platform ?? ctx.message.platform, accountId: args.accountId, personId: args.personId, replace: args.replace };
    await checkBinding(ctx, request, args.words);
    const person = ctx.directory.person(args.personId);
    const role = person?.roles.find((r) => CONFIRM_ROLES.includes(r));
    if (role) {
      const id = await requestBinding(ctx, { ...request, by: ctx.actor.id });
      return {
        reply: {
          tone: 'info',
          title: `待确认：${platformLabel(request.platform)}账号 ${request.accountId} → ${ctx.directory.label(args.personId)}`,
          lines: [`${ctx.directory.personName(args.personId)} 为${role}，绑定须由另一位管理员确认后生效。`],
          actions: [commandButton('confirmBinding', String(id), { style: 'primary' })],
        },
      };
    }
    return applyBinding(ctx, request);
  },
});

export const unbind = defineCommand({
  name: '解绑',
  aliases: ['unbind'],
  category: '管理',
  summary: '管理员解除某人在当前平台（或指定平台）的账号绑定',
  usage: ['解绑 通讯录姓名 [飞书｜微信]'],
  examples: ['解绑 王芳', '解绑 王芳 微信'],
  allowed: ['管理员'],
  parse(input, ctx) {
    const words = input.text.split(/\s+/).filter(Boolean);
    let platform: string | undefined;
    let personId: string | undefined;
    for (const w of words) {
      const p = platformByWord(w);
      if (p) platform = p;
      else {
        const person = ctx.directory.findPerson(w.replace(/^[@＠]/, ''));
        if (!person) throw new UserError('unknown_person', `通讯录中没有「${w}」。`);
        personId = person.id;
      }
    }
    return { platform, personId };
  },
  schema: z.object({ platform: z.string().optional(), personId: z.string({ message: '请写明要解绑的人员姓名' }) }),
  async run(ctx, args) {
    const platform = args.platform ?? ctx.message.platform;
    if (!(await unbindAccount(ctx, { platform, personId: args.personId })))
      throw new UserError('invalid_state', `${ctx.directory.personName(args.personId)} 在${platformLabel(platform)}没有运行时绑定（通讯录文件中写明的账号需改文件）。`, false);
    return { reply: { tone: 'success', title: `已解除 ${ctx.directory.personName(args.personId)} 的${platformLabel(platform)}账号绑定` } };
  },
});
