import type { InboundMessage } from '../../src/core/inbound.js';

/** A console group message addressed to the bot, as the inbox receives it. */
export const said = (id: string, who: string, text: string, chatId = 'group-1'): InboundMessage => ({
  platform: 'console',
  messageId: id,
  chatId,
  chatType: 'group',
  senderAccountId: who,
  senderName: who,
  text,
  mentions: [],
  mentionsBot: true,
});
