import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { isoShanghai } from '../src/time/shanghai.js';

const PLATFORM_WORDS: Record<string, string> = { 飞书: 'lark', lark: 'lark', feishu: 'lark', 微信: 'wechat', wechat: 'wechat', 控制台: 'console', console: 'console' };
const PLATFORM_LABEL: Record<string, string> = { lark: '飞书', wechat: '微信', console: '控制台' };

const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('list') }),
  z.object({ action: z.literal('bind'), platform: z.string().optional(), accountId: z.string().min(1).max(200), personId: z.string() }),
]);

export const bind = defineCommand({
  name: '绑定',
  aliases: ['bind'],
  category: '管理',
  summary: '管理员把平台账号绑定到通讯录人员（未登记的人发消息时，机器人会给出其账号）',
  usage: ['绑定 账号ID 通讯录姓名 [飞书｜微信]', '绑定 @群成员 通讯录姓名', '绑定 列表'],
  examples: ['绑定 ou_7d8a6e6df7621556ce0d21922b676706 王芳', '绑定 @王芳 王芳', '绑定 列表'],
  allowed: ['管理员', '督查室'],
  parse(input, ctx) {
    const words = input.text.split(/\s+/).filter(Boolean);
    if (words.length === 1 && /^(列表|list|清单)$/.test(words[0] ?? '')) return { action: 'list' };
    let platform: string | undefined;
    let personId: string | undefined;
    let accountId: string | undefined;
    for (const w of words) {
      const p = PLATFORM_WORDS[w.toLowerCase()];
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
      else if (/^[A-Za-z0-9_.:@-]{3,}$/.test(w) && !accountId) accountId = w;
      else throw new UserError('unknown_person', `通讯录中没有「${w}」。请写通讯录中的姓名。`);
    }
    if (!accountId || !personId) throw new UserError('bad_arguments', '请写明要绑定的账号（账号ID 或 @群成员）和通讯录姓名。');
    return { action: 'bind', platform, accountId, personId };
  },
  schema,
  async run(ctx, args) {
    if (args.action === 'list') {
      const all = await ctx.repos.bindings.list();
      return {
        reply: {
          tone: 'info',
          title: `已绑定账号：${all.length} 个`,
          lines: all.map((b) => `${ctx.directory.personName(b.personId)} · ${PLATFORM_LABEL[b.platform] ?? b.platform} · ${b.accountId}`),
          note: '通讯录文件中写明的账号不在此列。',
        },
      };
    }
    const platform = args.platform ?? ctx.message.platform;
    const previous = await ctx.repos.bindings.personFor(platform, args.accountId);
    await ctx.repos.bindings.bind({ platform, accountId: args.accountId, personId: args.personId, boundBy: ctx.actor.id, boundAt: isoShanghai(ctx.now) });
    await ctx.audit('bind', { platform, accountId: args.accountId, personId: args.personId, previous }, { subject: `person:${args.personId}` });
    const name = ctx.directory.label(args.personId);
    return {
      reply: {
        tone: 'success',
        title: `已绑定：${PLATFORM_LABEL[platform] ?? platform}账号 ${args.accountId} → ${name}`,
        note: previous && previous !== args.personId ? `该账号原绑定 ${ctx.directory.personName(previous)}，已改绑。` : undefined,
      },
    };
  },
});

export const unbind = defineCommand({
  name: '解绑',
  aliases: ['unbind'],
  category: '管理',
  summary: '管理员解除某人在当前平台（或指定平台）的账号绑定',
  usage: ['解绑 通讯录姓名 [飞书｜微信]'],
  examples: ['解绑 王芳', '解绑 王芳 微信'],
  allowed: ['管理员', '督查室'],
  parse(input, ctx) {
    const words = input.text.split(/\s+/).filter(Boolean);
    let platform: string | undefined;
    let personId: string | undefined;
    for (const w of words) {
      const p = PLATFORM_WORDS[w.toLowerCase()];
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
    const removed = await ctx.repos.bindings.unbind(platform, args.personId);
    if (!removed) throw new UserError('invalid_state', `${ctx.directory.personName(args.personId)} 在${PLATFORM_LABEL[platform] ?? platform}没有运行时绑定（通讯录文件中写明的账号需改文件）。`, false);
    await ctx.audit('unbind', { platform, personId: args.personId }, { subject: `person:${args.personId}` });
    return { reply: { tone: 'success', title: `已解除 ${ctx.directory.personName(args.personId)} 的${PLATFORM_LABEL[platform] ?? platform}账号绑定` } };
  },
});
