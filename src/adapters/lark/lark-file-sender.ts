import { createReadStream } from 'node:fs';
import type * as lark from '@larksuiteoapi/node-sdk';
import { SendError, type OutgoingMessage, type SendResult } from '../../outbox/outgoing.js';
import { sizeRefusal } from '../../export/export-file.js';
import { classify, TOKEN_CODES } from './lark-sender.js';
import type { SendRateLimiter } from './rate-limiter.js';

type FileType = 'opus' | 'mp4' | 'pdf' | 'doc' | 'xls' | 'ppt' | 'stream';

/** Lark's file_type for an upload, from the file name. */
export function larkFileType(name: string): FileType {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'xls' || ext === 'xlsx' || ext === 'csv') return 'xls';
  if (ext === 'doc' || ext === 'docx') return 'doc';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'ppt' || ext === 'pptx') return 'ppt';
  return 'stream';
}

/**
 * Sends an outbox file: uploads it (im/v1/images for pictures, im/v1/files otherwise), then
 * sends a message with its key, under the outbox id as `uuid` so a retry never posts twice. A
 * key already obtained is kept for the retries of the same outbox item, so an upload that went
 * through is not repeated. Files over Lark's limits are refused for good, with the reason.
 */
export class LarkFileSender {
  private readonly keys = new Map<number, string>();

  constructor(
    private readonly client: lark.Client,
    private readonly limiter: SendRateLimiter,
    private readonly onTokenRejected?: () => void,
  ) {}

  async send(msg: OutgoingMessage): Promise<SendResult> {
    const file = msg.file;
    if (!file) throw new SendError('not a file message', false);
    const refusal = sizeRefusal('lark', file);
    if (refusal) throw new SendError(refusal, false);
    const key = this.keys.get(msg.id) ?? (await this.upload(msg));
    this.keys.set(msg.id, key);
    const content = JSON.stringify(file.kind === 'image' ? { image_key: key } : { file_key: key });
    await this.limiter.acquire(`${msg.targetKind}:${msg.targetId}`);
    let res: { code?: number; msg?: string; data?: { message_id?: string } };
    try {
      res = (await this.client.im.message.create({
        params: { receive_id_type: msg.targetKind === 'chat' ? 'chat_id' : 'open_id' },
        data: { receive_id: msg.targetId, msg_type: file.kind === 'image' ? 'image' : 'file', content, uuid: `duban-${msg.id}` },
      })) as typeof res;
    } catch (e) {
      throw this.failed(e);
    }
    if (res.code !== undefined && res.code !== 0) {
      if (TOKEN_CODES.has(res.code)) this.onTokenRejected?.();
      throw new SendError(`lark code ${res.code}: ${res.msg ?? ''}`, TOKEN_CODES.has(res.code));
    }
    this.keys.delete(msg.id);
    return { remoteId: res.data?.message_id };
  }

  private async upload(msg: OutgoingMessage): Promise<string> {
    const file = msg.file!;
    try {
      if (file.kind === 'image') {
        const res = await this.client.im.image.create({ data: { image_type: 'message', image: createReadStream(file.path) } });
        if (res?.image_key) return res.image_key;
      } else {
        const res = await this.client.im.file.create({ data: { file_type: larkFileType(file.name), file_name: file.name, file: createReadStream(file.path) } });
        if (res?.file_key) return res.file_key;
      }
    } catch (e) {
      throw this.failed(e);
    }
    throw new SendError(`lark upload of ${file.name} returned no key`, true);
  }

  private failed(e: unknown): SendError {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new SendError(`导出文件已不在：${(e as Error).message}`, false);
    const error = classify(e);
    if (/token rejected/.test(error.message)) this.onTokenRejected?.();
    return error;
  }
}
