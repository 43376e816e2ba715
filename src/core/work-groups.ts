import type { ChatRecord, ChatRepository } from '../../storage/repositories.js';

/** Group chats allowed by setting, per platform: chat ids or titles (DUBAN_WECHAT_ROOMS, DUBAN_LARK_CHATS). */
export type WorkGroupAllowlist = Readonly<Partial<Record<string, readonly string[]>>>;

/** A chat id a platform can be sent to without having been seen (a title cannot). */
const LOOKS_LIKE_ID: Record<string, RegExp> = { lark: /^oc_[A-Za-z0-9_-]+$/, wechat: /(@chatroom$)|(^@@)/ };

/**
 * The groups that receive tallies (周通报, 月统计, 季度考核) and other notices to the groups:
 * those an administrator registered (本群登记为工作群), those the allowlist names by id or
 * title, and the local console's group (a demo on one keyboard). A group where someone merely
 * addressed the bot gets nothing.
 */
export async function workGroups(chats: ChatRepository, allow: WorkGroupAllowlist = {}): Promise<ChatRecord[]> {
  const all = await chats.groups();
  const out = all.filter((g) => g.platform === 'console' || g.registeredBy !== undefined || listed(allow, g));
  for (const [platform, entries] of Object.entries(allow)) {
    for (const id of entries ?? []) {
      if (LOOKS_LIKE_ID[platform]?.test(id) && !out.some((g) => g.platform === platform && g.chatId === id)) {
        out.push({ platform, chatId: id, kind: 'group' });
      }
    }
  }
  return out;
}

function listed(allow: WorkGroupAllowlist, g: ChatRecord): boolean {
  const entries = allow[g.platform] ?? [];
  return entries.includes(g.chatId) || (g.title !== undefined && entries.includes(g.title.trim()));
}
