import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueFile } from '../../../src/outbox/enqueue.js';
import { isoShanghai } from '../../../src/time/shanghai.js';
import { makeWorld, type World } from './wechat-world.js';
import { sqliteOf } from '../../support/raw-sql.js';

let w: World;
let dir: string;
afterEach(async () => {
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

interface SentFile {
  to: string;
  name: string;
  bytes: Buffer;
}

/** Records the files the puppet is asked to send (and lets a test make it fail). */
function recordFiles(world: World, fail: () => string | undefined = () => undefined): SentFile[] {
  const files: SentFile[] = [];
  const original = world.puppet.messageSendFile.bind(world.puppet);
  world.puppet.messageSendFile = async (to, box) => {
    const failure = fail();
    if (failure) throw new Error(failure);
    files.push({ to, name: box.name, bytes: await box.toBuffer() });
    return original(to, box);
  };
  return files;
}

describe('微信: files through the outbox', () => {
  it('sends the exported workbook to the room as a FileBox, after the reply', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-wx-files-'));
    w = await makeWorld({ core: { exportDir: dir } });
    const files = recordFiles(w);
    await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月18日');
    const r = await w.post(w.people.chen, '/导出 台账');
    expect(r.sent.map((s) => s.text.split('\n')[0])).toEqual(['督办台账已导出：1 件事项，1 条办理记录']);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ to: w.room.id, name: '督办台账-2026-12-07.xlsx' });
    expect(files[0]?.bytes.equals(readFileSync(join(dir, '督办台账-2026-12-07.xlsx')))).toBe(true);
    expect(sqliteOf(w.app).prepare("SELECT count(*) AS n FROM outbox WHERE status <> 'sent'").get()).toEqual({ n: 0 });
  });

  it('retries a file the puppet failed, delivering it once; refuses an oversized one with the reason', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-wx-files-'));
    w = await makeWorld({ core: { exportDir: dir } });
    let failures = 1;
    const files = recordFiles(w, () => (failures-- > 0 ? 'grpc: connection reset' : undefined));
    await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月18日');
    await w.post(w.people.chen, '/导出 台账');
    expect(files).toHaveLength(0);
    w.clock.set(new Date(w.clock.now().getTime() + 60_000));
    await w.flush();
    w.clock.set(new Date(w.clock.now().getTime() + 60_000));
    await w.flush();
    expect(files.map((f) => f.name)).toEqual(['督办台账-2026-12-07.xlsx']);

    const path = join(dir, '督办台账-2026-12-07.xlsx');
    const id = await w.app.storage.transaction((r) =>
      enqueueFile(r, { platform: 'wechat', targetKind: 'chat', targetId: w.room.id }, { path, name: 'big.xlsx', kind: 'file', bytes: 30 * 1024 * 1024 }, 'test', isoShanghai(w.clock.now())),
    );
    await w.flush();
    const row = sqliteOf(w.app).prepare('SELECT status, last_error AS error FROM outbox WHERE id = ?').get(id) as { status: string; error: string };
    expect(row.status).toBe('dead');
    expect(row.error).toContain('超过微信单个文件上限 25.0 MB');
    expect(files).toHaveLength(1);
  });

  it('answers an export over the limit with the reason, and sends no file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-wx-files-'));
    w = await makeWorld({ core: { exportDir: dir, fileLimits: { wechat: { file: 2048, image: 2048 } } } });
    const files = recordFiles(w);
    await w.post(w.people.chen, '/交办 发改委 研究资金方案 12月18日');
    const r = await w.post(w.people.chen, '/导出 台账');
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]?.text).toContain('超过微信单个文件上限 0.0 MB，未发送。请缩小导出范围（按单位或时段），或由管理员在服务器 导出目录 中取用。');
    expect(files).toHaveLength(0);
    expect(sqliteOf(w.app).prepare('SELECT count(*) AS n FROM outbox WHERE payload LIKE \'%"file"%\'').get()).toEqual({ n: 0 });
  });
});
