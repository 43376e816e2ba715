import type { ActionContext } from '../action-context.js';
import { isoShanghai } from '../../time/shanghai.js';

/** 本群登记为工作群: the chat receives the periodic 通报; false when it cannot be registered (not a group). */
export async function registerWorkGroup(c: ActionContext, chat: { platform: string; chatId: string }, by: string): Promise<boolean> {
  if (!(await c.repos.chats.register(chat.platform, chat.chatId, by, isoShanghai(c.now)))) return false;
  await c.audit('register_group', { ...chat }, { subject: `chat:${chat.platform}:${chat.chatId}` });
  return true;
}

/** 注销本群: false when the chat was not registered by command. */
export async function unregisterWorkGroup(c: ActionContext, chat: { platform: string; chatId: string }): Promise<boolean> {
  if (!(await c.repos.chats.unregister(chat.platform, chat.chatId))) return false;
  await c.audit('unregister_group', { ...chat }, { subject: `chat:${chat.platform}:${chat.chatId}` });
  return true;
}
