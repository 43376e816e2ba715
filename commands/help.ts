import { actionRequest } from '../src/query/action-request.js';
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { describeRoles } from '../src/domain/roles.js';
import { queryExamples } from '../src/query/query-examples.js';

export const help = defineCommand({
  name: '帮助',
  aliases: ['help', '?', '？', '用法'],
  category: '查询',
  summary: '查看全部命令，或「帮助 命令名」查看某个命令的写法和示例',
  usage: ['帮助', '帮助 命令名'],
  examples: ['帮助', '帮助 交办'],
  allowed: 'anyone',
  parse(input) {
    return { topic: input.text.replace(/^[/／]/, '').trim() || undefined };
  },
  schema: z.object({ topic: z.string().max(20).optional() }),
  async run(ctx, args) {
    if (args.topic) {
      const cmd = ctx.commands.get(args.topic) ?? ctx.commands.match(args.topic)?.command;
      if (!cmd) {
        // 帮助 催办: no command, but the bot does it by rule; say how.
        const act = actionRequest(args.topic);
        const how = act ? `${act.note ?? `相关命令：${act.commands.join('、')}。`}` : '';
        throw new UserError('bad_arguments', `没有「${args.topic}」这个命令。${how}发「帮助」查看全部命令。`, false);
      }
      return {
        reply: {
          tone: 'info',
          title: `${cmd.name}：${cmd.summary}`,
          fields: [
            { label: '写法', value: cmd.usage.join('\n') },
            { label: '别名', value: cmd.aliases.join('、') || '无' },
            { label: '可用', value: cmd.allowed === 'anyone' ? '所有人（事项相关的操作由承办人或单位主要负责人进行）' : describeRoles(cmd.allowed) },
          ],
          // The command that takes plain words also shows questions built from the directory in use.
          lines: ['示例：', ...cmd.examples, ...(cmd.fallback ? ['也可以直接提问：', ...queryExamples(ctx.directory)] : [])],
        },
      };
    }
    const groups: Array<[string, string]> = [
      ['办理', '日常办理'],
      ['例外', '协调、延期等例外'],
      ['查询', '查询'],
      ['管理', '管理'],
    ];
    const lines: string[] = [];
    for (const [key, label] of groups) {
      const cmds = ctx.commands.commands.filter((c) => (c.category ?? '办理') === key);
      if (cmds.length === 0) continue;
      lines.push(`【${label}】`, ...cmds.map((c) => `${c.name}：${c.summary}`));
    }
    return {
      reply: {
        tone: 'info',
        title: `${ctx.settings.botName} 命令一览`,
        lines: [...lines, `也可以 @${ctx.settings.botName} 直接提问，如：${queryExamples(ctx.directory).slice(0, 3).join('；')}`],
        note: '发「帮助 命令名」查看写法和示例，如「帮助 交办」。群内使用时请 @我 或以 / 开头。',
      },
    };
  },
});
