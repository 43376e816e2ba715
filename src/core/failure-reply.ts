import type { CommandDefinition } from './command.js';
import type { CommandRegistry } from './command-registry.js';
import type { UserError } from './errors.js';
import type { Reply } from './reply.js';

/** A user error's answer: what was wrong and, where it helps, the correct form and an example. */
export function userErrorReply(cause: UserError, command: CommandDefinition | undefined): Reply {
  const reply: Reply = { tone: 'error', title: cause.message };
  if (command && cause.showUsage) {
    reply.fields = [{ label: '正确写法', value: command.usage.join('\n') }];
    reply.lines = [`例：${command.examples[0] ?? ''}`];
  }
  return reply;
}

/** The short apology for an internal failure, with the reference logged beside it. */
export function internalErrorReply(ref: string): Reply {
  return { tone: 'error', title: `处理出错，已记录（参考号 ${ref}）。请稍后重试，或把参考号告知管理员。` };
}

/** The answer to words that are neither a command nor a readable question. */
export function unknownPhraseReply(registry: CommandRegistry, body: string): Reply {
  const names = registry.commands
    .filter((c) => c.category === undefined || c.category === '办理' || c.category === '查询')
    .map((c) => c.name)
    .join('、');
  return {
    tone: 'info',
    title: body ? `没有看懂「${body.length > 20 ? `${body.slice(0, 20)}…` : body}」` : '请问要办什么？',
    lines: [`可用命令：${names}`],
    note: '协调、延期、难以执行等命令，发「帮助」查看；「帮助 命令名」查看写法。',
  };
}
