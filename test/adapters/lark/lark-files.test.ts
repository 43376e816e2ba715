import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messageEvent, postEvent } from './fake-lark.js';
import { enqueueFile } from '../../../src/outbox/enqueue.js';
import { isoShanghai } from '../../../src/time/shanghai.js';
import { KEY, larkWorld, ou, type LarkWorld } from './lark-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

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

  it('refuses for good, with the reason and without uploading, a file over Lark’s limit or an empty one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-lark-files-'));
    w = await larkWorld({ core: { exportDir: dir } });
    await say('sun-li', '交办 发改委 制定方案 12月15日');
    await say('sun-li', '导出 督办单 D-0001');
    const uploads = w.fake.uploads.length;
    const path = join(dir, '督办单-D-0001.docx');
    const at = isoShanghai(w.h.clock.now());
    const target = { platform: 'lark', targetKind: 'chat' as const, targetId: 'oc_group' };
    const ids = await w.h.app.storage.transaction(async (r) => [
      await enqueueFile(r, target, { path, name: 'big.xlsx', kind: 'file', bytes: 31 * 1024 * 1024 }, 'test', at),
      await enqueueFile(r, target, { path, name: 'big.png', kind: 'image', bytes: 11 * 1024 * 1024 }, 'test', at),
      await enqueueFile(r, target, { path, name: 'empty.docx', kind: 'file', bytes: 0 }, 'test', at),
    ]);
    for (let i = 0; i < ids.length; i++) await w.h.app.dispatcher.kick();
    const rows = ids.map((id) => sqliteOf(w.h.app).prepare('SELECT status, last_error AS error FROM outbox WHERE id = ?').get(id) as { status: string; error: string });
    expect(rows.map((r) => r.status)).toEqual(['dead', 'dead', 'dead']);
    expect(rows[0]?.error).toContain('超过飞书单个文件上限 30.0 MB');
    expect(rows[1]?.error).toContain('超过飞书单个图片上限 10.0 MB');
    expect(rows[2]?.error).toContain('飞书不接收空文件');
    expect(w.fake.uploads).toHaveLength(uploads);
  });

  it('answers an export over the limit with the reason instead of sending it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-lark-files-'));
    w = await larkWorld({ core: { exportDir: dir, fileLimits: { lark: { file: 1024, image: 1024 } } } });
    await say('sun-li', '交办 发改委 制定方案 12月15日');
    const before = w.fake.sent.length;
    await say('sun-li', '导出 台账');
    expect(w.fake.uploads).toHaveLength(0);
    const sent = w.fake.sent.slice(before);
    expect(sent.map((m) => m.msgType)).toEqual(['interactive']);
    expect(sent[0]?.content).toContain('超过飞书单个文件上限 0.0 MB，未发送。请缩小导出范围（按单位或时段）');
  });
});
