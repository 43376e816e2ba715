import { existsSync, readFileSync } from 'node:fs';
import { FileBox } from 'file-box';
import type { Wechaty } from 'wechaty';
import { SendError, type OutgoingMessage, type SendResult } from '../../outbox/outgoing.js';
import { sizeRefusal } from '../../export/export-file.js';
import type { SendLimiter } from './send-limiter.js';
import { MAX_SEND_ATTEMPTS } from './wechat-sender.js';

/**
 * Sends an outbox file to a WeChat room or contact as a FileBox, paced by the same limiter as
 * text. Files over the size limit, or no longer on disk, are refused for good with the reason.
 */
export class WechatFileSender {
  constructor(
    private readonly bot: Wechaty,
    private readonly limiter: SendLimiter,
    private readonly isRoom: (chatId: string) => Promise<boolean>,
  ) {}

  async send(msg: OutgoingMessage): Promise<SendResult> {
    const file = msg.file;
    if (!file) throw new SendError('not a file message', false);
    const refusal = sizeRefusal('wechat', file);
    if (refusal) throw new SendError(refusal, false);
    if (!existsSync(file.path)) throw new SendError(`导出文件已不在：${file.path}`, false);
    if (!this.bot.isLoggedIn) throw new SendError('微信未登录（puppet 未连接或已掉线），稍后重试', true);
    const room = msg.targetKind === 'chat' && (await this.isRoom(msg.targetId)) ? await this.bot.Room.find({ id: msg.targetId }) : undefined;
    const contact = room ? undefined : await this.bot.Contact.find({ id: msg.targetId });
    const target = room ?? contact;
    if (!target) throw new SendError(`找不到微信会话 ${msg.targetId}`, msg.attempts + 1 < MAX_SEND_ATTEMPTS);
    try {
      await this.limiter.acquire(msg.targetId);
    } catch {
      throw new SendError('微信发送已停止，待重启后继续', true);
    }
    try {
      // A base64 FileBox serializes across every puppet (a local-file one does not: file-box issue 25); files are at most 25 MB.
      const sent = await target.say(FileBox.fromBase64(readFileSync(file.path).toString('base64'), file.name));
      return { remoteId: sent && typeof sent === 'object' && 'id' in sent ? String(sent.id) : undefined };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (!this.bot.isLoggedIn) throw new SendError(`微信已掉线：${reason}`, true);
      throw new SendError(`微信发送文件失败：${reason}`, msg.attempts + 1 < MAX_SEND_ATTEMPTS);
    }
  }
}
