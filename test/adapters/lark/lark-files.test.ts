import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messageEvent, postEvent } from './fake-lark.js';
import { KEY, larkWorld, ou, type LarkWorld } from './lark-world.js';

let w: LarkWorld;
let dir: string;
afterEach(async () => {
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

const bot = { key: '@_user_1', name: '督办助手', openId: 'ou_bot' };
const say = async (from: string, text: string) => {
  await postEvent(w.url, messageEvent({ from: ou(from), text: `@_user_1 ${text}`, mentions: [bot] }), KEY);
  await w.settle();
};

describe('飞书: files through the outbox', () => {
  it('uploads the workbook to im/v1/files, then sends it as a file message in the chat', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-lark-files-'));
    w = await larkWorld({ core: { exportDir: dir } });
    await say('sun-li', '交办 发改委 制定方案 12月15日');
    await say('sun-li', '导出 台账');
    const upload = w.fake.uploads[0];
    expect(w.fake.uploads).toHaveLength(1);
    expect(upload).toMatchObject({ kind: 'file', fileName: '督办台账-2026-12-07.xlsx', fields: { file_type: 'xls' } });
    expect(upload?.bytes.equals(readFileSync(join(dir, '督办台账-2026-12-07.xlsx')))).toBe(true);
    const file = w.fake.sent.at(-1);
    expect(file).toMatchObject({ msgType: 'file', receiveIdType: 'chat_id', receiveId: 'oc_group', uuid: expect.stringMatching(/^duban-\d+$/) });
    expect(JSON.parse(file?.content ?? '{}')).toEqual({ file_key: upload?.key });
    // The reply came first, in the thread of the request.
    expect(w.fake.sent.at(-2)?.replyTo).toMatch(/^om_in_/);
  });

  it('sends charts as images through im/v1/images', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-lark-files-'));
    w = await larkWorld({ core: { exportDir: dir } });
    await say('sun-li', '交办 发改委 制定方案 12月15日');
    await say('sun-li', '导出 图表 本周');
    expect(w.fake.uploads.map((u) => u.kind)).toEqual(['image', 'image']);
    expect(w.fake.uploads[0]?.fields.image_type).toBe('message');
    expect(w.fake.uploads[0]?.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const images = w.fake.sent.filter((m) => m.msgType === 'image');
    expect(images.map((m) => JSON.parse(m.content) as unknown)).toEqual(w.fake.uploads.map((u) => ({ image_key: u.key })));
  });

  it('retries a failed upload and a failed send, and posts the file once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-lark-files-'));
    w = await larkWorld({ core: { exportDir: dir } });
    await say('sun-li', '交办 发改委 制定方案 12月15日');
    w.fake.uploadFailures.push({ status: 500 });
    await say('sun-li', '导出 督办单 D-0001');
    expect(w.fake.sent.filter((m) => m.msgType === 'file')).toHaveLength(0);
    // The upload now succeeds; the send of the message fails once more.
    const later = async () => {
      w.h.clock.set(new Date(w.h.clock.now().getTime() + 10 * 60_000));
      await w.h.app.dispatcher.kick();
    };
    w.fake.failures.push({ status: 500 });
    await later();
    await later();
    await later();
    const files = w.fake.sent.filter((m) => m.msgType === 'file');
    expect(files).toHaveLength(1);
    // The key from the upload that went through is reused: no second upload after the send failed.
    expect(w.fake.uploads).toHaveLength(1);
    expect(JSON.parse(files[0]?.content ?? '{}')).toEqual({ file_key: w.fake.uploads[0]?.key });
  });
});
