import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { sizeRefusal } from '../../src/export/export-file.js';

let h: Harness | undefined;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'duban-files-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('files through the outbox', () => {
  it('queues the file after its reply, in the same chat, exactly once even when the message is delivered twice', async () => {
    h = await makeHarness({ settings: { exportDir: tmp() } });
    await h.say('孙丽', '交办 发改委 制定方案 12月15日');
    const first = await h.say('孙丽', '导出 台账', { messageId: 'export-1' });
    expect(first.messages.map((m) => (m.file ? 'file' : 'reply'))).toEqual(['reply', 'file']);
    expect(first.messages[1]).toMatchObject({ targetKind: 'chat', targetId: 'group-1', file: { name: '督办台账-2026-12-07.xlsx', kind: 'file' } });
    expect(existsSync(first.messages[1]!.file!.path)).toBe(true);
    const again = await h.say('孙丽', '导出 台账', { messageId: 'export-1' });
    expect(again.messages).toHaveLength(0);
    expect(h.sent.filter((m) => m.file)).toHaveLength(1);
  });

  it('retries a file whose send failed until the platform takes it', async () => {
    h = await makeHarness({ settings: { exportDir: tmp() } });
    let failures = 2;
    const delivered: string[] = [];
    h.app.dispatcher.register({
      platform: 'console',
      async send(m) {
        if (m.file && failures-- > 0) throw new Error('upload cut off');
        if (m.file) delivered.push(m.file.name);
        return { remoteId: `r-${m.id}` };
      },
    });
    await h.say('孙丽', '导出 督办单 D-0001');
    await h.say('孙丽', '交办 发改委 制定方案 12月15日');
    await h.say('孙丽', '导出 督办单 D-0001');
    for (let i = 0; i < 3; i++) {
      h.clock.set(new Date(h.clock.now().getTime() + 60_000));
      await h.app.dispatcher.kick();
    }
    expect(delivered).toEqual(['督办单-D-0001.docx']);
  });

  it('refuses, with the reason, a file over the platform’s limit', () => {
    expect(sizeRefusal('lark', { name: '督办台账.xlsx', kind: 'file', bytes: 31 * 1024 * 1024 })).toContain('超过飞书单个文件上限 30.0 MB');
    expect(sizeRefusal('wechat', { name: 'a.png', kind: 'image', bytes: 11 * 1024 * 1024 })).toContain('超过微信单个图片上限 10.0 MB');
    expect(sizeRefusal('lark', { name: 'a.xlsx', kind: 'file', bytes: 1024 })).toBeUndefined();
    expect(sizeRefusal('console', { name: 'a.xlsx', kind: 'file', bytes: 1e12 })).toBeUndefined();
  });
});

describe('console', () => {
  it('writes under the export folder and prints `督办助手: 文件 <path>（<size>）`', () => {
    const dir = tmp();
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', join(dir, 'duban.db'), '--start', '2026-12-07 09:00'], {
      input: '孙丽: 交办 发改委 制定方案 12月15日\n孙丽: 导出 台账\n',
      encoding: 'utf8',
      env: { ...process.env, DUBAN_DB: '', DUBAN_DIRECTORY: '', DUBAN_EXPORT_DIR: join(dir, 'exports') },
      timeout: 60_000,
    });
    expect(out.status, out.stderr).toBe(0);
    const line = out.stdout.split('\n').find((l) => l.startsWith('督办助手: 文件 '));
    expect(line).toMatch(/^督办助手: 文件 (.+督办台账-2026-12-07\.xlsx)（[\d.]+ KB）$/);
    const path = /^督办助手: 文件 (.+)（/.exec(line ?? '')?.[1] ?? '';
    expect(path.startsWith(join(dir, 'exports'))).toBe(true);
    expect(existsSync(path)).toBe(true);
  });
});
